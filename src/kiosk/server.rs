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
use axum_extra::extract::cookie::{Cookie, Key, PrivateCookieJar, SameSite};
use tokio::sync::Semaphore;

use super::db::Pool;
use super::error::{KioskError, Problem};
use super::session::{Session, Sessions};
use super::text::{Lang, Messages};
use super::{assets, pages, routes, speech};

const COOKIE_NAME: &str = "akker_kiosk";

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
    /// sessions live in memory too, so a restart logs everyone out anyway,
    /// and there is no key file to protect.
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
    let known = jar.get(COOKIE_NAME).and_then(|c| {
        app.sessions
            .touch(c.value())
            .map(|s| (c.value().to_string(), s))
    });
    let (sid, session, created) = match known {
        Some((sid, session)) => (sid, session, false),
        None => {
            let sid = app.sessions.create(None);
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
    let response = match check_form(&visit, request).await {
        Ok(mut request) => {
            request.extensions_mut().insert(visit.clone());
            next.run(request).await
        }
        Err(problem) => KioskError::from(problem).into_response(),
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
