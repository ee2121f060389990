//! The verification QR code, as modules (for the PDF's filled squares) or as
//! inline SVG (for HTML). The payload is a short ASCII text made by the
//! ledger; if it ever were too long for a QR code, the statement still
//! prints the typed code, so `None` is not an error for the reader.

use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode};

/// A QR code's dark modules, row by row, `width` x `width`, without the
/// quiet zone (the renderers leave white space around it themselves).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modules {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl Modules {
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// Medium error correction: a printed, folded, coffee-stained statement
/// must still scan, and the payload is short.
fn encode(payload: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).ok()
}

pub fn modules(payload: &str) -> Option<Modules> {
    let code = encode(payload)?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some(Modules {
        width: code.width(),
        dark,
    })
}

/// An inline `<svg>` element (no XML declaration) of about `size_px` pixels.
pub fn svg(payload: &str, size_px: u32) -> Option<String> {
    let code = encode(payload)?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(size_px, size_px)
        .quiet_zone(true)
        .build();
    // The renderer starts with an XML declaration, which has no place
    // inside an HTML document.
    let start = image.find("<svg")?;
    Some(image[start..].to_owned())
}
