//! The web server: shared state, the routes, and the page layer every
//! page goes through (session cookie, CSRF check, error pages, headers).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, CookieJar, Key, PrivateCookieJar, SameSite};
use tokio::sync::Semaphore;

use super::db::Pool;
use super::error::{KioskError, Problem};
use super::session::{CardThrottle, Session, Sessions};
use super::text::{Lang, Messages};
use super::{assets, pages, routes, speech};

const COOKIE_NAME: &str = "akker_kiosk";

/// The language of the last session at this screen, in a plain cookie:
/// the one thing the page layer needs after a restart, to say in the
/// member's language that they were logged out. Not a secret.
const LANG_COOKIE: &str = "akker_lang";

/// The longest address (path and query) a page accepts. The kiosk's
/// own links are short and its forms are posted; the only query, the
/// search box, is under 100 characters. Longer addresses get 414 with
/// or without a session.
pub const URI_BYTES_MAX: usize = 2048;

/// Forms are small: a note of 200 characters is well under this. A body
/// larger than this is refused with a clear page before it is read.
pub const FORM_BYTES_MAX: usize = 16 * 1024;

/// Extra time the server allows beyond the visible countdown before it
/// ends a session itself (for a browser whose script did not run).
const IDLE_GRACE: Duration = Duration::from_secs(15);

#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub listen: SocketAddr,
    pub idle_logout_s: u64,
    pub pin_attempts_max: u32,
    pub pin_lock_s: u64,
    pub blocking_threads_max: usize,
}

pub struct App {
    pub config: Config,
    pub pool: Arc<Pool>,
    pub sessions: Sessions,
    /// Unknown card codes typed at this kiosk (`routes::login`).
    pub card_throttle: CardThrottle,
    cookie_key: Key,
    /// Argon2id uses 64 MiB per derivation; at most two at a time keeps
    /// an old laptop responsive when several people log in at once.
    pub kdf: Semaphore,
    pub community: String,
    pub default_lang: Lang,
    pub time_zone: chrono_tz::Tz,
}

pub type AppState = Arc<App>;

impl App {
    /// The cookie key is made anew at each start and kept in memory only:
    /// sessions live in memory too, so a restart logs everyone out (and
    /// says so), and there is no key file to protect.
    pub fn new(
        config: Config,
        community: String,
        default_lang: Lang,
        time_zone: chrono_tz::Tz,
    ) -> App {
        let idle = Duration::from_secs(config.idle_logout_s) + IDLE_GRACE;
        App {
            pool: Arc::new(Pool::new(config.db.clone())),
            sessions: Sessions::new(idle),
            card_throttle: CardThrottle::new(),
            cookie_key: Key::generate(),
            kdf: Semaphore::new(2),
            community,
            default_lang,
            time_zone,
            config,
        }
    }
}

/// The visitor's session, as the page layer found or made it.
#[derive(Clone)]
pub struct Visit {
    pub sid: String,
    pub session: Session,
}

impl Visit {
    pub fn lang(&self, app: &App) -> Lang {
        self.session.lang.unwrap_or(app.default_lang)
    }

    pub fn messages(&self, app: &App) -> &'static Messages {
        Messages::for_language(self.lang(app))
    }
}

/// Put in a response's extensions by a handler that moved the session to
/// a new id (login); the page layer sets the cookie.
#[derive(Clone)]
pub struct NewSessionId(pub String);

/// Put in a response's extensions when the member chose a language; the
/// page layer remembers it in a plain cookie (see `LANG_COOKIE`).
#[derive(Clone, Copy)]
pub struct ChosenLang(pub Lang);

pub fn router(app: AppState) -> Router {
    let pages = Router::new()
        .route("/", get(routes::login::welcome))
        .route("/lang/{code}", get(routes::login::choose_language))
        .route(
            "/card",
            get(routes::login::card_page).post(routes::login::card_submit),
        )
        .route(
            "/pin",
            get(routes::login::pin_page).post(routes::login::pin_submit),
        )
        .route("/home", get(routes::home::home))
        .route("/pay", get(routes::pay::choose_person))
        .route("/pay/person", post(routes::pay::person_submit))
        .route(
            "/pay/details",
            get(routes::pay::details_page).post(routes::pay::details_submit),
        )
        .route(
            "/pay/confirm",
            get(routes::pay::confirm_page).post(routes::pay::confirm_submit),
        )
        .route("/pay/receipt", get(routes::pay::receipt))
        .route(
            "/requests/{seq}/{action}",
            get(routes::requests::reply_page).post(routes::requests::reply_submit),
        )
        .route("/ask", get(routes::requests::pick))
        .route("/ask/person", post(routes::requests::person_submit))
        .route(
            "/ask/details",
            get(routes::requests::details_page).post(routes::requests::details_submit),
        )
        .route(
            "/ask/confirm",
            get(routes::requests::confirm_page).post(routes::requests::confirm_submit),
        )
        .route("/ask/sent", get(routes::requests::sent))
        .route("/gift", get(routes::gift::pick))
        .route("/gift/person", post(routes::gift::person_submit))
        .route(
            "/gift/details",
            get(routes::gift::details_page).post(routes::gift::details_submit),
        )
        .route(
            "/gift/confirm",
            get(routes::gift::confirm_page).post(routes::gift::confirm_submit),
        )
        .route("/gift/done", get(routes::gift::done))
        .route("/offers", get(routes::offers::board))
        .route(
            "/offers/new",
            get(routes::offers::new_page).post(routes::offers::new_submit),
        )
        .route("/offers/withdraw", post(routes::offers::withdraw))
        .route("/statement", get(routes::statement::statement))
        .route("/statement/last", get(routes::statement::last))
        .route(
            "/statement/check",
            get(routes::statement::check_page).post(routes::statement::check_submit),
        )
        .route("/logout", post(routes::login::logout))
        .route("/bye", get(routes::login::bye))
        .route("/speak/{token}", get(speech::serve))
        .route("/privacy", get(routes::privacy::notice))
        .route("/privacy/{code}", get(routes::privacy::notice_in))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(app.clone(), visit));
    Router::new()
        .merge(pages)
        .route("/assets/{*path}", get(assets::serve))
        .with_state(app)
}

async fn not_found() -> KioskError {
    Problem::new(StatusCode::NOT_FOUND, "error-not-found", "/").into()
}

/// The page layer: finds or starts the session, refuses a form without
/// the session's CSRF token, renders error pages in the visitor's
/// language, sets the cookie and the security headers.
async fn visit(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let jar = PrivateCookieJar::from_headers(request.headers(), app.cookie_key.clone());
    let plain = CookieJar::from_headers(request.headers());
    let known = jar.get(COOKIE_NAME).and_then(|c| {
        app.sessions
            .touch(c.value())
            .map(|s| (c.value().to_string(), s))
    });
    // A session cookie this process cannot read was made by an earlier
    // start of the kiosk (the cookie key is new at each start).
    let restarted =
        known.is_none() && jar.get(COOKIE_NAME).is_none() && plain.get(COOKIE_NAME).is_some();
    let (sid, session, created) = match known {
        Some((sid, session)) => (sid, session, false),
        None => {
            let lang = if restarted {
                plain.get(LANG_COOKIE).and_then(|c| Lang::parse(c.value()))
            } else {
                None
            };
            let sid = app.sessions.create(lang);
            let session = app
                .sessions
                .get(&sid)
                .expect("a session just created exists");
            (sid, session, true)
        }
    };
    let visit = Visit {
        sid: sid.clone(),
        session,
    };
    let uri_bytes = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    let path = request.uri().path();
    let fresh_start = path == "/" || path == "/bye" || path.starts_with("/lang/");
    let response = if uri_bytes > URI_BYTES_MAX {
        KioskError::from(Problem::new(
            StatusCode::URI_TOO_LONG,
            "error-too-long",
            "/",
        ))
        .into_response()
    } else if restarted && !fresh_start {
        KioskError::from(Problem::new(StatusCode::CONFLICT, "session-restarted", "/"))
            .into_response()
    } else {
        match check_form(&visit, request).await {
            Ok(mut request) => {
                request.extensions_mut().insert(visit.clone());
                next.run(request).await
            }
            Err(problem) => KioskError::from(problem).into_response(),
        }
    };
    finish(&app, &visit, response, created.then_some(sid), jar)
}

/// A POST must carry the session's CSRF token. Reads the (small) body to
/// check it, then hands the body on unchanged.
async fn check_form(visit: &Visit, request: Request) -> Result<Request, Problem> {
    if request.method() != Method::POST {
        return Ok(request);
    }
    let (parts, body) = request.into_parts();
    let too_large = || Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "error-too-long", "/home");
    let bytes = to_bytes(body, FORM_BYTES_MAX)
        .await
        .map_err(|_| too_large())?;
    let token = form_urlencoded_value(&bytes, "csrf");
    let expected = visit.session.csrf.as_bytes();
    if !token.is_some_and(|t| constant_time_eq(t.as_bytes(), expected)) {
        return Err(Problem::new(StatusCode::FORBIDDEN, "error-csrf", "/"));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

fn form_urlencoded_value(body: &[u8], name: &str) -> Option<String> {
    url_pairs(body).find(|(k, _)| k == name).map(|(_, v)| v)
}

/// The pairs of an application/x-www-form-urlencoded body.
fn url_pairs(body: &[u8]) -> impl Iterator<Item = (String, String)> + '_ {
    body.split(|b| *b == b'&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let mut halves = pair.splitn(2, |b| *b == b'=');
            let key = percent_decode(halves.next().unwrap_or_default());
            let value = percent_decode(halves.next().unwrap_or_default());
            (key, value)
        })
}

fn percent_decode(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn finish(
    app: &App,
    visit: &Visit,
    mut response: Response,
    created: Option<String>,
    jar: PrivateCookieJar,
) -> Response {
    if let Some(problem) = response.extensions_mut().remove::<Problem>() {
        // The session may have changed (ended) during the request; the
        // language it had at the start is the one to answer in.
        response = pages::problem_page(app, visit, &problem);
        if problem.status == StatusCode::PAYLOAD_TOO_LARGE {
            // The rest of the body was never read: this connection cannot
            // carry another request, so the browser must open a new one.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
    }
    let new_sid = response
        .extensions_mut()
        .remove::<NewSessionId>()
        .map(|n| n.0)
        .or(created);
    if let Some(sid) = new_sid {
        let cookie = Cookie::build((COOKIE_NAME, sid))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Strict)
            .build();
        let jar = jar.add(cookie);
        for (name, value) in jar.into_response().headers() {
            if name == header::SET_COOKIE {
                response
                    .headers_mut()
                    .append(header::SET_COOKIE, value.clone());
            }
        }
    }
    if let Some(lang) = response.extensions_mut().remove::<ChosenLang>() {
        let cookie = Cookie::build((LANG_COOKIE, lang.0.code()))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Strict)
            .build();
        if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    secure_headers(&mut response);
    response
}

/// Pages are never cached, so the browser's back button after a log-out
/// cannot show the previous member's balance; scripts only from /assets.
fn secure_headers(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'self'; img-src 'self'; media-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

/// A request whose head (request line and headers) has not fully arrived
/// after this long is dropped. Without it a client that stops half-way
/// (curl does, when a long address leaves no room for its cookie) holds
/// the connection open forever and never gets an answer.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then lets
/// the requests under way finish. Like `axum::serve` (HTTP/1 only, as
/// the kiosk is configured), with a time limit on reading a request head.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;

    let mut shutdown = std::pin::pin!(shutdown);
    // Each connection holds a receiver; the sender tells them to finish
    // and, once they all dropped theirs, that they have.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(err) => {
                    // Out of file descriptors or a connection reset before
                    // it was accepted: wait a moment instead of spinning.
                    eprintln!("akker kiosk: cannot accept a connection: {err}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(router.clone());
        let mut stopping = stopped.clone();
        tokio::spawn(async move {
            if first_line_too_long(&stream).await {
                refuse_long_line(stream).await;
                return;
            }
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = stopping.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
    }
    drop(listener);
    let _ = stop.send(true);
    drop(stopped);
    stop.closed().await;
    Ok(())
}

/// The longest request line a connection's first request may have: the
/// address limit, the method and the protocol.
const REQUEST_LINE_MAX: usize = URI_BYTES_MAX + 64;

/// Whether the first request line on `stream` is longer than any address
/// the kiosk accepts. It only looks (hyper reads the request after), and
/// it answers as soon as the line is too long, before the headers have
/// come: a client that sends a long address and then never finishes its
/// headers (curl with a cookie that no longer fits) still gets its 414.
async fn first_line_too_long(stream: &tokio::net::TcpStream) -> bool {
    let mut buf = vec![0u8; REQUEST_LINE_MAX + 1];
    let deadline = tokio::time::Instant::now() + HEADER_READ_TIMEOUT;
    let mut seen = 0;
    loop {
        let n = match tokio::time::timeout_at(deadline, stream.peek(&mut buf)).await {
            Ok(Ok(n)) if n > 0 => n,
            _ => return false,
        };
        if buf[..n].contains(&b'\n') {
            return false;
        }
        if n > REQUEST_LINE_MAX {
            return true;
        }
        if n == seen {
            // Nothing new since the last look: wait for more to arrive.
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        seen = n;
    }
}

/// Answers 414 on a connection whose request line is too long, in plain
/// words (no session can be read from a request cut short), and closes
/// it. What the client sent is read and dropped first: closing a socket
/// with unread data would reset the connection and lose the answer.
async fn refuse_long_line(stream: tokio::net::TcpStream) {
    let body = "This address is far too long. Nothing was changed.\n";
    let response = format!(
        "HTTP/1.1 414 URI Too Long\r\ncontent-type: text/plain; charset=utf-8\r\ncache-control: no-store\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    let mut sink = [0u8; 4096];
    let drain = |stream: &tokio::net::TcpStream, sink: &mut [u8]| loop {
        match stream.try_read(sink) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(_) => return false,
        }
    };
    drain(&stream, &mut sink);
    let mut written = 0;
    while written < response.len() {
        if tokio::time::timeout_at(deadline, stream.writable())
            .await
            .is_err()
        {
            return;
        }
        match stream.try_write(&response.as_bytes()[written..]) {
            Ok(n) => written += n,
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(_) => return,
        }
    }
    // Let the client read the answer and close first.
    let Ok(stream) = stream.into_std() else {
        return;
    };
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let Ok(stream) = tokio::net::TcpStream::from_std(stream) else {
        return;
    };
    while tokio::time::timeout_at(deadline, stream.readable())
        .await
        .is_ok()
    {
        if drain(&stream, &mut sink) {
            return;
        }
    }
}

/// Parses a whole form body into its fields; used by handlers through
/// `routes::Fields`.
pub fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    url_pairs(body).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_decoded() {
        let body = b"csrf=ab%2Fc&note=hello+w%C3%B6rld&bad=%zz";
        assert_eq!(form_urlencoded_value(body, "csrf").unwrap(), "ab/c");
        assert_eq!(form_urlencoded_value(body, "note").unwrap(), "hello wörld");
        assert_eq!(form_urlencoded_value(body, "bad").unwrap(), "%zz");
        assert_eq!(form_urlencoded_value(b"x=%4", "x").unwrap(), "%4");
    }
}
