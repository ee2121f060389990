//! Print-ready PDF statements and attestations (A4, fonts embedded and
//! subset by krilla, pictograms, chart and QR code as vector paths).
//!
//! Rendering happens in two steps. `layout` turns a statement into pages of
//! drawing operations (shaped text, paths, pictograms) in points, top-left
//! origin, y down; only then are the operations painted into a krilla
//! document. Knowing every page before painting gives "page 2 of 3" footers,
//! and keeps all placement decisions testable without parsing a PDF.
//!
//! Everything here is Send + Sync-friendly: fonts come from a process-wide
//! `FontSet`, messages are shared references, and each call builds its own
//! document, so the batch printer may call these from rayon threads.

mod fonts;
pub(crate) mod layout;
mod merge;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use std::num::NonZeroU16;

use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::Document;
use krilla::SerializeSettings;

use super::model::{Attestation, Statement};
use super::pictogram::{Cmd, Paint, Rgb};
use crate::i18n::Messages;

pub use fonts::{fit_line, measure, FontSet, ShapedLine, Weight};
pub use layout::{Laid, Mark, Op, PageOps, Role, StructChild, StructNode, A4_HEIGHT, A4_WIDTH};

/// Why a PDF could not be produced. krilla only fails on export settings
/// we do not use (PDF/A validation), so this is rare, but it is a value.
#[derive(Debug)]
pub enum PdfError {
    /// A page size was refused (a programming error in the layout).
    PageSize { width: f32, height: f32 },
    /// krilla refused to write the document.
    Write { reason: String },
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::PageSize { width, height } => {
                write!(f, "cannot make a PDF page of {width} x {height} points")
            }
            PdfError::Write { reason } => write!(f, "could not write the PDF: {reason}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// One statement as a PDF, with explicit messages (usually
/// `Messages::for_language(&statement.language)`).
pub fn render_statement_pdf(
    statement: &Statement,
    messages: &Messages,
) -> Result<Vec<u8>, PdfError> {
    let pages = layout::statement_pages(statement, messages);
    let month = messages.fmt_month(statement.year, statement.month);
    let title = format!("{} · {}", statement.display_name, month);
    document(&pages, title, messages)
}

/// The pages of a statement as drawing operations, before painting; for
/// tests and for a print preview that needs the page count.
pub fn layout_statement(statement: &Statement, messages: &Messages) -> Laid {
    layout::statement_pages(statement, messages)
}

/// Every statement as its own PDF, in the account's language, on every core;
/// `done` is called as each one is finished (for a progress bar).
pub fn render_statement_pdfs(
    statements: &[Statement],
    done: impl Fn() + Sync,
) -> Result<Vec<Vec<u8>>, PdfError> {
    use rayon::prelude::*;
    statements
        .par_iter()
        .map(|s| {
            let pdf = render_statement_pdf(s, Messages::for_language(&s.language));
            done();
            pdf
        })
        .collect()
}

/// The single statement files joined into one to print: each account starts
/// on a front page (a blank back page, marked so, follows a statement with
/// an odd number of pages), keeps its own page numbering and gets a bookmark. Joining
/// the finished pages instead of painting them again halves the work, as
/// painting is most of it.
pub fn combine_statement_pdfs(
    statements: &[Statement],
    singles: &[Vec<u8>],
) -> Result<Vec<u8>, PdfError> {
    // One blank back page per language, made once.
    let mut blanks: std::collections::BTreeMap<&str, Vec<u8>> = Default::default();
    for statement in statements {
        let language = Messages::for_language(&statement.language).language();
        if !blanks.contains_key(language) {
            let blank = blank_page_pdf(Messages::for_language(language))?;
            blanks.insert(language, blank);
        }
    }
    let parts: Vec<merge::Part<'_>> = statements
        .iter()
        .zip(singles)
        .map(|(statement, pdf)| merge::Part {
            bookmark: format!("{} · {}", statement.account_id, statement.display_name),
            pdf,
            blank: blanks
                .get(Messages::for_language(&statement.language).language())
                .map(Vec::as_slice),
        })
        .collect();
    merge::concatenate(&parts)
}

/// The back page put after a statement with an odd number of pages in the
/// file to print: it says, in the member's language, that it is blank on
/// purpose, so nobody wonders what is missing.
pub fn blank_page_pdf(messages: &Messages) -> Result<Vec<u8>, PdfError> {
    let pages = layout::blank_page(messages);
    document(&pages, messages.msg("blank-page", &[]), messages)
}

/// An attestation of community engagement as a one-page PDF.
pub fn render_attestation_pdf(
    attestation: &Attestation,
    messages: &Messages,
) -> Result<Vec<u8>, PdfError> {
    let pages = layout::attestation_pages(attestation, messages);
    let title = format!(
        "{} · {}",
        messages.msg("attestation-title", &[]),
        attestation.display_name
    );
    document(&pages, title, messages)
}

/// One tagged PDF (PDF/UA-1, checked by krilla's validator) of laid-out
/// pages: title, reader's language, creator and producer in its metadata,
/// every page painted with its content marked, the structure tree
/// (headings, paragraphs, tables with header cells, figures with their
/// words) in reading order, and an outline. Also the community report's.
pub(crate) fn document(
    laid: &Laid,
    title: String,
    messages: &Messages,
) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|error| PdfError::Write {
            reason: format!("{error:?}"),
        })?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    document.set_metadata(
        Metadata::new()
            .title(title.clone())
            .language(messages.language().to_owned())
            .creator("akker".to_owned())
            .producer(format!("akker {} (krilla)", env!("CARGO_PKG_VERSION"))),
    );
    let identifiers = paint_pages(&mut document, laid)?;
    document.set_tag_tree(tag_tree(laid, identifiers, messages));
    // PDF/UA asks for an outline: one entry, the document, at its start.
    let mut outline = Outline::new();
    outline.push_child(OutlineNode::new(
        title,
        XyzDestination::new(0, Point::from_xy(0.0, 0.0)),
    ));
    document.set_outline(outline);
    finish(document)
}

fn finish(document: Document) -> Result<Vec<u8>, PdfError> {
    document.finish().map_err(|error| PdfError::Write {
        reason: format!("{error:?}"),
    })
}

/// Paints every page, each operation inside its mark, and returns the
/// identifier of every content piece (index = content number).
fn paint_pages(document: &mut Document, laid: &Laid) -> Result<Vec<Option<Identifier>>, PdfError> {
    let contents = laid
        .pages
        .iter()
        .flat_map(|p| p.marks.iter())
        .filter(|m| matches!(m, Mark::Content(_)))
        .count();
    let mut identifiers: Vec<Option<Identifier>> = vec![None; contents];
    for page_ops in &laid.pages {
        let settings = PageSettings::from_wh(A4_WIDTH, A4_HEIGHT).ok_or(PdfError::PageSize {
            width: A4_WIDTH,
            height: A4_HEIGHT,
        })?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        // Consecutive decoration shares one marked section: fewer marks
        // make a smaller file that is quicker to write.
        let mut in_artifact = false;
        for (op, mark) in page_ops.ops.iter().zip(&page_ops.marks) {
            if in_artifact && *mark != Mark::Artifact {
                surface.end_tagged();
                in_artifact = false;
            }
            match mark {
                Mark::Artifact => {
                    if !in_artifact {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::Other,
                        )));
                        in_artifact = true;
                    }
                    paint_op(&mut surface, op);
                }
                Mark::Content(n) => {
                    let tag = match op {
                        Op::Text { .. } => ContentTag::Span(SpanTag::empty()),
                        _ => ContentTag::Other,
                    };
                    let id = surface.start_tagged(tag);
                    paint_op(&mut surface, op);
                    surface.end_tagged();
                    if let Some(slot) = identifiers.get_mut(*n) {
                        *slot = Some(id);
                    }
                }
            }
        }
        if in_artifact {
            surface.end_tagged();
        }
        surface.finish();
        page.finish();
    }
    Ok(identifiers)
}

/// The structure tree in krilla's terms; every content piece has exactly
/// one parent, as krilla requires.
fn tag_tree(laid: &Laid, mut identifiers: Vec<Option<Identifier>>, messages: &Messages) -> TagTree {
    fn group(
        laid: &Laid,
        index: usize,
        identifiers: &mut Vec<Option<Identifier>>,
    ) -> Option<TagGroup> {
        let node = laid.structure.get(index)?;
        let tag: TagKind = match &node.role {
            Role::Section => Tag::Section.into(),
            Role::H1(title) => Tag::Hn(NonZeroU16::MIN, Some(title.clone())).into(),
            Role::H2(title) => Tag::Hn(
                NonZeroU16::new(2).unwrap_or(NonZeroU16::MIN),
                Some(title.clone()),
            )
            .into(),
            Role::P => Tag::P.into(),
            Role::Table => Tag::Table.into(),
            Role::Row => Tag::TR.into(),
            Role::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
            Role::RowHeader => Tag::TH(TableHeaderScope::Row).into(),
            Role::Cell => Tag::TD.into(),
            Role::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        };
        let mut parent = TagGroup::new(tag);
        for child in &node.children {
            match child {
                StructChild::Node(n) => {
                    if let Some(child) = group(laid, *n, identifiers) {
                        parent.push(child);
                    }
                }
                StructChild::Content(n) => {
                    if let Some(id) = identifiers.get_mut(*n).and_then(Option::take) {
                        parent.push(id);
                    }
                }
            }
        }
        Some(parent)
    }
    // A group without children is dropped by krilla: a table cell left
    // empty (no hours of that kind) is one.
    let mut tree = TagTree::new().with_lang(Some(messages.language().to_owned()));
    if let Some(root) = group(laid, 0, &mut identifiers) {
        tree.push(root);
    }
    tree
}

fn paint_op(surface: &mut Surface<'_>, op: &Op) {
    match op {
        Op::Text {
            x,
            baseline,
            size,
            color,
            line,
        } => {
            let face = FontSet::get().face(line.weight);
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*color)));
            let mut cursor = *x;
            for run in &line.runs {
                surface.draw_glyphs(
                    Point::from_xy(cursor, *baseline),
                    &run.glyphs,
                    face.pdf.clone(),
                    &run.text,
                    *size,
                    false,
                );
                cursor += run.width_em * size;
            }
        }
        Op::Shape { path, paint } => paint_path(surface, path, *paint, 0.0, 0.0, 1.0),
        Op::Picto {
            pictogram,
            x,
            y,
            size,
        } => {
            let scale = size / super::pictogram::BOX;
            for layer in pictogram.layers() {
                paint_path(surface, &layer.path, layer.paint, *x, *y, scale);
            }
        }
    }
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// Paints path commands placed at (`dx`, `dy`) and scaled by `scale`; the
/// same function draws a pictogram's 24x24 layers and page-space shapes.
fn paint_path(surface: &mut Surface<'_>, cmds: &[Cmd], paint: Paint, dx: f32, dy: f32, scale: f32) {
    let mut builder = PathBuilder::new();
    let at = |x: f32, y: f32| (dx + x * scale, dy + y * scale);
    for cmd in cmds {
        match *cmd {
            Cmd::Move(x, y) => {
                let (x, y) = at(x, y);
                builder.move_to(x, y);
            }
            Cmd::Line(x, y) => {
                let (x, y) = at(x, y);
                builder.line_to(x, y);
            }
            Cmd::Cubic(x1, y1, x2, y2, x, y) => {
                let (x1, y1) = at(x1, y1);
                let (x2, y2) = at(x2, y2);
                let (x, y) = at(x, y);
                builder.cubic_to(x1, y1, x2, y2, x, y);
            }
            Cmd::Close => builder.close(),
        }
    }
    // An empty or degenerate path has nothing to draw.
    let Some(path) = builder.finish() else { return };
    match paint {
        Paint::Fill(color) => {
            surface.set_stroke(None);
            surface.set_fill(Some(fill(color)));
        }
        Paint::Stroke(color, width) => {
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(color.0, color.1, color.2).into(),
                width: width * scale,
                line_cap: LineCap::Round,
                line_join: LineJoin::Round,
                ..Default::default()
            }));
        }
    }
    surface.draw_path(&path);
}
