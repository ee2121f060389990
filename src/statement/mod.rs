//! Statements: a read model built from the store (`build`), then renderers
//! that only lay it out. Verification codes tie a printed statement to the
//! chain head the treasurer signed when the month was issued.

pub mod build;
pub mod chart;
pub mod check;
pub mod html;
pub mod labels;
pub mod model;
pub mod pdf;
pub mod pictogram;
pub mod qr;
pub mod sample;
pub mod text;
pub mod verification;
