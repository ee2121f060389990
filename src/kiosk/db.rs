//! SQLite work off the async threads. Every call runs on tokio's blocking
//! pool (capped by `Config::blocking_threads_max`) with a connection taken
//! from a small pool of open stores, so a page costs no file open.

use std::path::PathBuf;
use std::sync::Mutex;

use crate::store::Store;

use super::error::{KioskError, KioskResult};

/// Connections kept open between calls. More than the blocking threads
/// would never be used at once.
const IDLE_STORES_MAX: usize = 8;

pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    pub fn new(path: PathBuf) -> Pool {
        Pool {
            path,
            idle: Mutex::new(Vec::new()),
        }
    }

    fn take(&self) -> KioskResult<Store> {
        let pooled = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match pooled {
            Some(store) => Ok(store),
            None => Store::open(&self.path).map_err(KioskError::internal),
        }
    }

    /// Closes every idle connection; the last one to close moves the
    /// write-ahead log into the file and removes it. Called at shutdown.
    pub fn close_all(&self) {
        let idle = std::mem::take(&mut *self.idle.lock().unwrap_or_else(|p| p.into_inner()));
        if let Some(store) = idle.first() {
            let _ = store.checkpoint();
        }
        drop(idle);
    }

    fn give_back(&self, store: Store) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < IDLE_STORES_MAX {
            idle.push(store);
        }
    }

    /// Runs `work` with a store on a blocking thread.
    pub async fn run<T, F>(self: &std::sync::Arc<Self>, work: F) -> KioskResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> KioskResult<T> + Send + 'static,
    {
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut store = pool.take()?;
            let changes = store.total_changes();
            let result = work(&mut store);
            // After a write, move it from the write-ahead log into the
            // file, so a copy of the file alone is complete (a treasurer
            // copying it by hand, a USB stick pulled after closing).
            if store.total_changes() != changes {
                let _ = store.checkpoint();
            }
            pool.give_back(store);
            result
        })
        .await
        .map_err(KioskError::internal)?
    }
}
