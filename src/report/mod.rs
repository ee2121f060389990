//! The community report: what kinds of work the community does, who gives
//! and who receives, which initiatives carry the most, who needs a call,
//! and a map of who exchanged with whom. A read model built from the store
//! (`build`), then renderers that only lay it out (`html`, `pdf`, and the
//! map's geometry in `map`, drawn by `svg` and by the PDF).
//!
//! Rules (which transactions count, who is a member) are in `build` and
//! docs/report.md. Hours are exact integers; floats only place the map.

pub mod build;
pub mod growth;
pub mod html;
pub mod labels;
pub mod map;
pub mod model;
pub mod pdf;
mod pdf_growth;
mod pdf_policy;
mod policy;
pub mod requests;
pub mod svg;

pub use build::{build_report, Options, ReportError, WEEKS_IDLE_DEFAULT};
pub use model::Report;
