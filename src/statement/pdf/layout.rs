//! Page layout of the PDF statement and attestation, as drawing operations.
//!
//! Positions are in points, origin top-left, y down. The layout code works
//! in *logical* x (distance from the start edge of the text column); the
//! `Pages` builder mirrors it for right-to-left languages, so an Arabic
//! statement reads from the right without a second layout. The chart and
//! the QR code are pictures and are not mirrored.
//!
//! This file is the page builder (`Pages`: placing, wrapping, mirroring,
//! tagging, footers) and the pieces both papers share (the verification
//! box and its QR); the statement's pages are in `layout/statement.rs`,
//! the attestation's in `layout/attestation.rs`. They are child modules
//! so they use the builder's private parts without widening them.

use super::fonts::{self, ShapedLine, Weight};
use crate::i18n::{Arg, Messages};
use crate::statement::chart;
use crate::statement::labels;
use crate::statement::model::{
    Attestation, Contributor, Statement, StatementLine, Verification, WorkKind,
};
use crate::statement::pictogram::{colors, Cmd, Paint, Pictogram, Rgb};
use crate::statement::policy_labels;
use crate::statement::qr;

mod attestation;
mod notices;
mod statement;

pub use attestation::attestation_pages;
pub use statement::statement_pages;

pub const A4_WIDTH: f32 = 595.28;
pub const A4_HEIGHT: f32 = 841.89;
/// 15 mm margins: inside every office printer's printable area.
pub(crate) const MARGIN: f32 = 42.5;
pub(crate) const CONTENT_WIDTH: f32 = A4_WIDTH - 2.0 * MARGIN;
/// Lowest y for content; the footer lives below it.
pub(crate) const CONTENT_BOTTOM: f32 = A4_HEIGHT - 52.0;
const FOOTER_RULE_Y: f32 = A4_HEIGHT - 36.0;

/// Columns of the exchanges table: (logical x, width).
const COL_DATE: (f32, f32) = (0.0, 36.0);
const COL_MAIN: (f32, f32) = (42.0, 212.0);
const COL_KIND: (f32, f32) = (260.0, 92.0);
const COL_IN: (f32, f32) = (354.0, 48.0);
const COL_OUT: (f32, f32) = (404.0, 48.0);
const COL_BALANCE: (f32, f32) = (454.0, CONTENT_WIDTH - 454.0);

/// One drawing operation.
#[derive(Debug, Clone)]
pub enum Op {
    /// Shaped text; `x` is the physical left end of the line.
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        color: Rgb,
        line: ShapedLine,
    },
    /// A path in page coordinates.
    Shape { path: Vec<Cmd>, paint: Paint },
    /// A pictogram in a `size` x `size` square at (`x`, `y`).
    Picto {
        pictogram: Pictogram,
        x: f32,
        y: f32,
        size: f32,
    },
}

/// The operations of one page, each with its place in the document's
/// structure (`marks[i]` is the mark of `ops[i]`).
#[derive(Debug, Clone, Default)]
pub struct PageOps {
    pub ops: Vec<Op>,
    pub marks: Vec<Mark>,
}

/// Where a drawing operation belongs in the tagged PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Not part of the reading: rules, panels, running titles, footers,
    /// a pictogram beside the same words.
    Artifact,
    /// Content number `n`, a leaf of the structure tree.
    Content(usize),
}

/// What a group of content is, for the structure tree of a tagged PDF
/// (headings, paragraphs, tables with header cells, figures with words).
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// The whole document, or a part of it.
    Section,
    /// The document's main heading, with its text.
    H1(String),
    /// A section heading, with its text.
    H2(String),
    P,
    Table,
    Row,
    /// A column header cell.
    HeaderCell,
    /// A row header cell (the label a row of figures stands for).
    RowHeader,
    Cell,
    /// A picture; the text says what it shows.
    Figure(String),
}

/// A node of the structure tree; its children in reading (logical) order.
#[derive(Debug, Clone)]
pub struct StructNode {
    pub role: Role,
    pub children: Vec<StructChild>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructChild {
    Node(usize),
    Content(usize),
}

/// Laid-out pages and their structure tree (node 0 is the root). Reads as
/// the slice of its pages.
#[derive(Debug, Clone)]
pub struct Laid {
    pub pages: Vec<PageOps>,
    pub structure: Vec<StructNode>,
}

impl std::ops::Deref for Laid {
    type Target = [PageOps];
    fn deref(&self) -> &[PageOps] {
        &self.pages
    }
}

impl PageOps {
    /// The page's text in drawing order, for tests.
    pub fn text(&self) -> Vec<String> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                Op::Text { line, .. } => Some(line.text()),
                _ => None,
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Start,
    End,
}

/// A text style: weight, size, colour.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub(crate) weight: Weight,
    pub(crate) size: f32,
    pub(crate) color: Rgb,
}

pub(crate) const fn style(weight: Weight, size: f32, color: Rgb) -> Style {
    Style {
        weight,
        size,
        color,
    }
}

pub(crate) const BODY: Style = style(Weight::Regular, 9.5, colors::INK);
pub(crate) const BODY_BOLD: Style = style(Weight::Bold, 9.5, colors::INK);
pub(crate) const SMALL_MUTED: Style = style(Weight::Regular, 8.0, colors::MUTED);
pub(crate) const HEADING: Style = style(Weight::Bold, 12.0, colors::INK);

/// Builds pages top to bottom, starting a new page when content would run
/// into the footer.
pub(crate) struct Pages<'a> {
    pub(crate) messages: &'a Messages,
    pub(crate) rtl: bool,
    pages: Vec<PageOps>,
    pub(crate) y: f32,
    /// Drawn at the top of every page after the first.
    running_title: (String, String),
    /// The structure tree so far; node 0 is the root.
    structure: Vec<StructNode>,
    /// The open nodes, innermost last (the root is always open).
    open: Vec<usize>,
    /// Content pieces numbered so far.
    contents: usize,
    /// Above zero while drawing artifacts (running titles, decoration).
    artifact_depth: u32,
}

impl<'a> Pages<'a> {
    pub(crate) fn new(messages: &'a Messages, running_title: (String, String)) -> Self {
        Pages {
            messages,
            rtl: messages.is_rtl(),
            pages: vec![PageOps::default()],
            y: MARGIN,
            running_title,
            structure: vec![StructNode {
                role: Role::Section,
                children: Vec::new(),
            }],
            open: vec![0],
            contents: 0,
            artifact_depth: 0,
        }
    }

    /// Draws `op`. Text is content of the innermost open node (a loose
    /// line gets a paragraph of its own); shapes and pictograms are
    /// content only inside a figure, decoration elsewhere.
    pub(crate) fn push(&mut self, op: Op) {
        let current = self.open.last().copied().unwrap_or(0);
        let role = &self.structure[current].role;
        let in_figure = matches!(role, Role::Figure(_));
        let mark = if self.artifact_depth > 0 {
            Mark::Artifact
        } else {
            match op {
                Op::Text { .. } if in_figure || holds_text(role) => self.content_in(current),
                Op::Text { .. } => {
                    let paragraph = self.add_node(current, Role::P);
                    self.content_in(paragraph)
                }
                _ if in_figure => self.content_in(current),
                _ => Mark::Artifact,
            }
        };
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
            page.marks.push(mark);
        }
    }

    fn add_node(&mut self, parent: usize, role: Role) -> usize {
        let index = self.structure.len();
        self.structure.push(StructNode {
            role,
            children: Vec::new(),
        });
        self.structure[parent]
            .children
            .push(StructChild::Node(index));
        index
    }

    fn content_in(&mut self, node: usize) -> Mark {
        let n = self.contents;
        self.contents += 1;
        self.structure[node].children.push(StructChild::Content(n));
        Mark::Content(n)
    }

    /// Opens a structure node inside the innermost open one; what is drawn
    /// until the matching `close` belongs to it.
    pub(crate) fn open(&mut self, role: Role) {
        let parent = self.open.last().copied().unwrap_or(0);
        let node = self.add_node(parent, role);
        self.open.push(node);
    }

    /// Closes the innermost open node (never the root).
    pub(crate) fn close(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// A table cell: what `draw` draws.
    pub(crate) fn cell(&mut self, draw: impl FnOnce(&mut Self)) {
        self.open(Role::Cell);
        draw(self);
        self.close();
    }

    /// A column header cell: what `draw` draws.
    pub(crate) fn header_cell(&mut self, draw: impl FnOnce(&mut Self)) {
        self.open(Role::HeaderCell);
        draw(self);
        self.close();
    }

    /// A pictogram that carries meaning of its own, with the words for it.
    pub(crate) fn picto_alt(&mut self, pictogram: Pictogram, alt: &str, x: f32, y: f32, size: f32) {
        self.open(Role::Figure(alt.to_owned()));
        self.picto(pictogram, x, y, size);
        self.close();
    }

    /// Draws with `draw` as decoration, outside the reading.
    pub(crate) fn artifact(&mut self, draw: impl FnOnce(&mut Self)) {
        self.artifact_depth += 1;
        draw(self);
        self.artifact_depth -= 1;
    }

    /// Physical left of a box given by logical x and width.
    pub(crate) fn px(&self, x: f32, width: f32) -> f32 {
        if self.rtl {
            MARGIN + CONTENT_WIDTH - x - width
        } else {
            MARGIN + x
        }
    }

    /// Places a shaped line in the logical box [x, x + width].
    pub(crate) fn line(
        &mut self,
        line: ShapedLine,
        x: f32,
        width: f32,
        baseline: f32,
        style: Style,
        align: Align,
    ) {
        let left = self.px(x, width);
        let text_width = line.width(style.size);
        let physical_right = matches!(
            (align, self.rtl),
            (Align::End, false) | (Align::Start, true)
        );
        let x = if physical_right {
            left + width - text_width
        } else {
            left
        };
        self.push(Op::Text {
            x,
            baseline,
            size: style.size,
            color: style.color,
            line,
        });
    }

    /// One line of text in a box. Wider than the box, it is drawn smaller
    /// (down to 60 %) rather than cut; only what would not fit even then
    /// ends with "…". Returns the width drawn.
    pub(crate) fn text(
        &mut self,
        text: &str,
        x: f32,
        width: f32,
        baseline: f32,
        style: Style,
        align: Align,
    ) -> f32 {
        let whole = fonts::shape_line(text, style.weight, self.rtl);
        let size = shrink_to(&whole, style.size, width);
        let line = if whole.width(size) <= width {
            whole
        } else {
            fonts::fit_line(text, style.weight, size, width, self.rtl)
        };
        let style = Style { size, ..style };
        let drawn = line.width(size);
        self.line(line, x, width, baseline, style, align);
        drawn
    }

    /// Wrapped lines for a paragraph (not yet placed).
    pub(crate) fn wrap(&self, text: &str, width: f32, style: Style) -> Vec<ShapedLine> {
        fonts::wrap(text, style.weight, style.size, width, self.rtl)
    }

    /// Places wrapped lines from `top`, returns the y below the last one.
    pub(crate) fn paragraph(
        &mut self,
        lines: Vec<ShapedLine>,
        x: f32,
        width: f32,
        top: f32,
        style: Style,
        leading: f32,
    ) -> f32 {
        // One paragraph in the structure, however many lines it wraps to.
        let current = self.open.last().copied().unwrap_or(0);
        let own = !holds_text(&self.structure[current].role)
            && !matches!(self.structure[current].role, Role::Figure(_));
        if own {
            self.open(Role::P);
        }
        let mut y = top;
        for line in lines {
            self.line(line, x, width, y + style.size, style, Align::Start);
            y += leading;
        }
        if own {
            self.close();
        }
        y
    }

    pub(crate) fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, color: Rgb) {
        let left = self.px(x, width);
        self.push(Op::Shape {
            path: rect_path(left, y, width, height, 0.0),
            paint: Paint::Fill(color),
        });
    }

    pub(crate) fn rounded(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        radius: f32,
        paint: Paint,
    ) {
        let left = self.px(x, width);
        self.push(Op::Shape {
            path: rect_path(left, y, width, height, radius),
            paint,
        });
    }

    pub(crate) fn rule(&mut self, x: f32, y: f32, width: f32, thickness: f32, color: Rgb) {
        self.rect(x, y - thickness / 2.0, width, thickness, color);
    }

    pub(crate) fn picto(&mut self, pictogram: Pictogram, x: f32, y: f32, size: f32) {
        let left = self.px(x, size);
        self.push(Op::Picto {
            pictogram,
            x: left,
            y,
            size,
        });
    }

    /// Starts a new page unless `height` still fits on this one. Returns
    /// true when a page was started.
    pub(crate) fn ensure(&mut self, height: f32) -> bool {
        if self.y + height <= CONTENT_BOTTOM {
            return false;
        }
        self.pages.push(PageOps::default());
        self.y = MARGIN;
        let (title, subtitle) = self.running_title.clone();
        // The running title repeats what page one says: not read twice.
        self.artifact(|pages| {
            pages.text(
                &title,
                0.0,
                CONTENT_WIDTH * 0.6,
                pages.y + 10.0,
                style(Weight::Bold, 11.0, colors::INK),
                Align::Start,
            );
            pages.text(
                &subtitle,
                CONTENT_WIDTH * 0.6,
                CONTENT_WIDTH * 0.4,
                pages.y + 10.0,
                style(Weight::Regular, 10.0, colors::MUTED),
                Align::End,
            );
            pages.rule(0.0, pages.y + 17.0, CONTENT_WIDTH, 1.2, colors::INK);
        });
        self.y += 30.0;
        true
    }

    /// A section heading with a rule under it; keeps `keep_with` points of
    /// what follows on the same page, so a heading never ends a page.
    pub(crate) fn heading(&mut self, title: &str, x: f32, width: f32, keep_with: f32) {
        self.ensure(28.0 + keep_with);
        self.open(Role::H2(title.to_owned()));
        self.text(title, x, width, self.y + 12.0, HEADING, Align::Start);
        self.close();
        self.rule(x, self.y + 18.0, width, 1.0, colors::INK);
        self.y += 26.0;
    }

    /// Footers on every page: who and when at the start, page n of m at the end.
    pub(crate) fn finish(mut self, footer: &str) -> Laid {
        let count = self.pages.len();
        let pages_text = self.messages.fmt_integer(count as i64);
        for index in 0..count {
            let page_text = self.messages.fmt_integer(index as i64 + 1);
            let numbering = self.messages.msg(
                "page-number",
                &[
                    ("page", Arg::Str(&page_text)),
                    ("pages", Arg::Str(&pages_text)),
                ],
            );
            let ops = footer_ops(self.rtl, footer, &numbering);
            if let Some(page) = self.pages.get_mut(index) {
                page.marks.extend(ops.iter().map(|_| Mark::Artifact));
                page.ops.extend(ops);
            }
        }
        Laid {
            pages: self.pages,
            structure: self.structure,
        }
    }
}

impl Pages<'_> {
    /// The pages as they are, with no footer (the blank back page).
    fn finish_without_footer(self) -> Laid {
        Laid {
            pages: self.pages,
            structure: self.structure,
        }
    }
}

/// Roles whose content is text itself (elsewhere a line is a paragraph).
fn holds_text(role: &Role) -> bool {
    matches!(
        role,
        Role::H1(_) | Role::H2(_) | Role::P | Role::HeaderCell | Role::RowHeader | Role::Cell
    )
}

/// The footer of one page, placed with the same mirroring rules as the body.
fn footer_ops(rtl: bool, footer: &str, numbering: &str) -> Vec<Op> {
    let small = style(Weight::Regular, 7.5, colors::MUTED);
    let baseline = FOOTER_RULE_Y + 12.0;
    let numbering_line = fonts::fit_line(numbering, small.weight, small.size, 120.0, rtl);
    let footer_line = fonts::fit_line(footer, small.weight, small.size, CONTENT_WIDTH - 130.0, rtl);
    let (footer_x, numbering_x) = if rtl {
        (
            MARGIN + CONTENT_WIDTH - footer_line.width(small.size),
            MARGIN,
        )
    } else {
        (
            MARGIN,
            MARGIN + CONTENT_WIDTH - numbering_line.width(small.size),
        )
    };
    vec![
        Op::Shape {
            path: rect_path(MARGIN, FOOTER_RULE_Y, CONTENT_WIDTH, 0.5, 0.0),
            paint: Paint::Fill(colors::RULE),
        },
        text_op(footer_x, baseline, small, footer_line),
        text_op(numbering_x, baseline, small, numbering_line),
    ]
}

pub(crate) fn text_op(x: f32, baseline: f32, style: Style, line: ShapedLine) -> Op {
    Op::Text {
        x,
        baseline,
        size: style.size,
        color: style.color,
        line,
    }
}

/// A rectangle, with rounded corners when `radius` > 0, as path commands.
pub(crate) fn rect_path(x: f32, y: f32, width: f32, height: f32, radius: f32) -> Vec<Cmd> {
    let r = radius.min(width / 2.0).min(height / 2.0);
    if r <= 0.0 {
        return vec![
            Cmd::Move(x, y),
            Cmd::Line(x + width, y),
            Cmd::Line(x + width, y + height),
            Cmd::Line(x, y + height),
            Cmd::Close,
        ];
    }
    // Quarter circles approximated with the usual cubic factor.
    let k = r * (1.0 - 0.552_284_8);
    let (right, bottom) = (x + width, y + height);
    vec![
        Cmd::Move(x + r, y),
        Cmd::Line(right - r, y),
        Cmd::Cubic(right - k, y, right, y + k, right, y + r),
        Cmd::Line(right, bottom - r),
        Cmd::Cubic(right, bottom - k, right - k, bottom, right - r, bottom),
        Cmd::Line(x + r, bottom),
        Cmd::Cubic(x + k, bottom, x, bottom - k, x, bottom - r),
        Cmd::Line(x, y + r),
        Cmd::Cubic(x, y + k, x + k, y, x + r, y),
        Cmd::Close,
    ]
}

/// The blank back page of the file to print, saying so in the middle.
pub fn blank_page(messages: &Messages) -> Laid {
    let mut pages = Pages::new(messages, (String::new(), String::new()));
    pages.text(
        &messages.msg("blank-page", &[]),
        0.0,
        CONTENT_WIDTH,
        A4_HEIGHT / 2.0,
        style(Weight::Regular, 10.0, colors::MUTED),
        Align::Start,
    );
    let mut pages = pages.finish_without_footer();
    // Centred: moved from the start edge by half the free width.
    for op in &mut pages.pages[0].ops {
        if let Op::Text { x, line, size, .. } = op {
            let free = CONTENT_WIDTH - line.width(*size);
            *x = MARGIN + free / 2.0;
        }
    }
    pages
}

/// The font size at which `line` fits in `width`: `size`, or smaller down
/// to 60 % of it (then it is as small as print stays readable).
pub(crate) fn shrink_to(line: &ShapedLine, size: f32, width: f32) -> f32 {
    let natural = line.width(size);
    if natural <= width || natural <= 0.0 {
        size
    } else {
        (size * width / natural).max(size * 0.6)
    }
}

const QR_SIZE: f32 = 78.0;

/// The verification code, its QR and how to check it, boxed.
fn verification_box(
    pages: &mut Pages<'_>,
    verification: &Verification,
    text: labels::VerificationText,
    title_id: &str,
) {
    let m = pages.messages;
    let labels::VerificationText {
        code,
        explained,
        chain,
        key,
    } = text;
    let text_x = QR_SIZE + 22.0;
    let text_width = CONTENT_WIDTH - text_x - 12.0;
    let explained_style = style(Weight::Regular, 8.5, colors::INK);
    let lines = pages.wrap(&explained, text_width, explained_style);
    let key_height = if key.is_some() { 10.0 } else { 0.0 };
    let height = (52.0 + 11.0 * lines.len() as f32 + 16.0 + key_height).max(QR_SIZE + 16.0);
    pages.y += 14.0;
    pages.ensure(height);
    let top = pages.y;
    pages.rounded(
        0.0,
        top,
        CONTENT_WIDTH,
        height,
        6.0,
        Paint::Stroke(colors::RULE, 0.8),
    );
    qr_squares(
        pages,
        &verification.qr_payload,
        8.0,
        top + (height - QR_SIZE) / 2.0,
    );
    pages.text(
        &m.msg(title_id, &[]),
        text_x,
        text_width,
        top + 18.0,
        style(Weight::Bold, 10.5, colors::INK),
        Align::Start,
    );
    pages.text(
        &code,
        text_x,
        text_width,
        top + 38.0,
        style(Weight::Bold, 14.0, colors::INK),
        Align::Start,
    );
    let y = pages.paragraph(lines, text_x, text_width, top + 44.0, explained_style, 11.0);
    pages.text(
        &chain,
        text_x,
        text_width,
        y + 9.0,
        style(Weight::Regular, 7.0, colors::MUTED),
        Align::Start,
    );
    if let Some(key) = key {
        pages.text(
            &key,
            text_x,
            text_width,
            y + 19.0,
            style(Weight::Bold, 7.5, colors::INK),
            Align::Start,
        );
    }
    pages.y = top + height;
}

/// The QR code as filled squares; each row's dark runs merge into one
/// rectangle, which keeps the PDF small and the print sharp.
fn qr_squares(pages: &mut Pages<'_>, payload: &str, x: f32, y: f32) {
    let Some(modules) = qr::modules(payload) else {
        return;
    };
    let module = QR_SIZE / modules.width as f32;
    let left = pages.px(x, QR_SIZE);
    let mut path = Vec::new();
    for row in 0..modules.width {
        let mut col = 0;
        while col < modules.width {
            if !modules.is_dark(col, row) {
                col += 1;
                continue;
            }
            let start = col;
            while col < modules.width && modules.is_dark(col, row) {
                col += 1;
            }
            path.extend(rect_path(
                left + start as f32 * module,
                y + row as f32 * module,
                (col - start) as f32 * module,
                module,
                0.0,
            ));
        }
    }
    pages.push(Op::Shape {
        path,
        paint: Paint::Fill(colors::INK),
    });
}
