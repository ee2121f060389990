//! Statements: a read model built from the store (`build`), then renderers
//! that only lay it out. Verification codes tie a printed statement to the
//! chain head the treasurer signed when the month was issued.

pub mod attestation;
pub mod build;
pub mod chart;
pub mod check;
pub mod html;
pub mod labels;
pub mod model;
pub mod pdf;
pub mod pictogram;
mod policy;
pub mod policy_labels;
pub mod qr;
pub mod sample;
pub mod text;
pub mod verification;

use crate::i18n::Messages;

/// The formats a statement can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A4, print-ready, fonts embedded.
    Pdf,
    /// One self-contained page that prints well.
    Html,
    /// Plain text.
    Text,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Text => "txt",
        }
    }
}

/// Renders one statement in the account's language.
pub fn render(statement: &model::Statement, format: Format) -> Result<Vec<u8>, pdf::PdfError> {
    Ok(match format {
        Format::Pdf => {
            pdf::render_statement_pdf(statement, Messages::for_language(&statement.language))?
        }
        Format::Html => html::render_statement_html(statement).into_bytes(),
        Format::Text => text::render_statement_text(statement).into_bytes(),
    })
}
