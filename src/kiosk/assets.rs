//! The kiosk's assets (stylesheet, script, pictograms), compiled into the
//! binary from assets/kiosk/: nothing is fetched from anywhere else.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "assets/kiosk/"]
struct Assets;

pub async fn serve(Path(path): Path<String>) -> Response {
    let Some(file) = Assets::get(&path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut response = file.data.into_owned().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&path)),
    );
    // Asset addresses carry the version, so a day's caching is safe.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("woff2") => "font/woff2",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// Every embedded file's path, for tests.
#[cfg(test)]
pub fn names() -> Vec<String> {
    Assets::iter().map(|name| name.into_owned()).collect()
}

#[cfg(test)]
mod tests {
    /// Every pictogram a page asks for is embedded, so no page shows a
    /// broken image.
    #[test]
    fn every_pictogram_the_pages_use_is_embedded() {
        let names = super::names();
        let sources = [
            include_str!("pages/mod.rs"),
            include_str!("pages/login.rs"),
            include_str!("pages/home.rs"),
            include_str!("pages/pay.rs"),
            include_str!("pages/offers.rs"),
            include_str!("pages/statement.rs"),
        ];
        let mut used: Vec<String> = Vec::new();
        for source in sources {
            for part in source.split("picto(\"").skip(1) {
                used.push(part.split('"').next().unwrap_or_default().to_string());
            }
            for part in source.split("big_link(").skip(1) {
                if let Some(icon) = part.split(", \"").nth(1) {
                    used.push(icon.split('"').next().unwrap_or_default().to_string());
                }
            }
        }
        used.extend(
            [
                "work-care",
                "work-community",
                "work-self-development",
                "work-practical",
                "offer",
                "request",
                "attestation",
                "statement-issued",
            ]
            .map(String::from),
        );
        used.extend(["nl", "fr", "en", "ar", "tr"].map(|l| format!("flag-{l}")));
        for name in used {
            assert!(
                names.contains(&format!("picto/{name}.svg")),
                "picto/{name}.svg is used but not embedded"
            );
        }
        assert!(
            names.contains(&"kiosk.css".to_string()) && names.contains(&"kiosk.js".to_string())
        );
    }
}
