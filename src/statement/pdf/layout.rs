//! Page layout of the PDF statement and attestation, as drawing operations.
//!
//! Positions are in points, origin top-left, y down. The layout code works
//! in *logical* x (distance from the start edge of the text column); the
//! `Pages` builder mirrors it for right-to-left languages, so an Arabic
//! statement reads from the right without a second layout. The chart and
//! the QR code are pictures and are not mirrored.

use super::fonts::{self, ShapedLine, Weight};
use crate::i18n::{Arg, Messages};
use crate::statement::chart;
use crate::statement::labels;
use crate::statement::model::{
    Attestation, Contributor, Statement, StatementLine, Verification, WorkKind,
};
use crate::statement::pictogram::{colors, Cmd, Paint, Pictogram, Rgb};
use crate::statement::qr;

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

/// All pages of a statement.
pub fn statement_pages(statement: &Statement, messages: &Messages) -> Laid {
    let month = messages.fmt_month(statement.year, statement.month);
    let mut pages = Pages::new(messages, (statement.display_name.clone(), month.clone()));
    statement_header(&mut pages, statement, &month);
    balance_panel(&mut pages, statement);
    // The summary comes before the details: a reader who only looks at
    // pictures and numbers gets everything that matters on page one.
    totals_and_chart(&mut pages, statement);
    lines_table(&mut pages, statement);
    contributors_table(&mut pages, &statement.contributors);
    contact_block(&mut pages, statement);
    let text = labels::verification_lines(messages, &statement.verification, &statement.treasurer);
    verification_box(&mut pages, &statement.verification, text, "verify-title");
    let footer = format!(
        "{} · {} · {}",
        statement.community_name, statement.display_name, month
    );
    pages.finish(&footer)
}

fn statement_header(pages: &mut Pages<'_>, statement: &Statement, month: &str) {
    let m = pages.messages;
    let top = pages.y;
    let half = CONTENT_WIDTH / 2.0;
    pages.text(
        &statement.community_name,
        0.0,
        half + 40.0,
        top + 13.0,
        style(Weight::Bold, 13.0, colors::INK),
        Align::Start,
    );
    let currency = labels::currency_line(m, &statement.currency.name, &statement.currency.unit);
    pages.text(
        &currency,
        0.0,
        half + 40.0,
        top + 28.0,
        SMALL_MUTED,
        Align::Start,
    );
    pages.text(
        &m.msg("statement-title", &[]),
        half,
        half,
        top + 10.0,
        style(Weight::Regular, 9.0, colors::MUTED),
        Align::End,
    );
    pages.text(
        month,
        half - 40.0,
        half + 40.0,
        top + 29.0,
        style(Weight::Bold, 17.0, colors::INK),
        Align::End,
    );
    pages.rule(0.0, top + 38.0, CONTENT_WIDTH, 2.2, colors::INK);
    let heading = format!("{} · {}", statement.display_name, month);
    pages.open(Role::H1(heading));
    pages.text(
        &statement.display_name,
        0.0,
        CONTENT_WIDTH,
        top + 70.0,
        style(Weight::Bold, 22.0, colors::INK),
        Align::Start,
    );
    pages.close();
    let who = format!(
        "{} · {}",
        labels::account_line(m, &statement.account_id),
        labels::issued_line(m, statement.issued_on)
    );
    pages.text(
        &who,
        0.0,
        CONTENT_WIDTH,
        top + 87.0,
        style(Weight::Regular, 9.5, colors::MUTED),
        Align::Start,
    );
    pages.y = top + 100.0;
}

/// The big balance: pictogram, amount, meaning, and the month's flows.
fn balance_panel(pages: &mut Pages<'_>, statement: &Statement) {
    let m = pages.messages;
    let (panel, accent) = match statement.closing_minor.signum() {
        -1 => (colors::OUT_LIGHT, colors::OUT),
        1 => (colors::IN_LIGHT, colors::IN),
        _ => (colors::PANEL, colors::INK),
    };
    let flows_width = 200.0;
    let text_x = 92.0;
    let text_width = CONTENT_WIDTH - flows_width - text_x - 24.0;
    let sentence = pages.wrap(
        &labels::balance_sentence(m, statement),
        text_width,
        style(Weight::Regular, 10.0, colors::INK),
    );
    let height = (74.0 + 13.0 * sentence.len() as f32 + 10.0).max(100.0);
    let top = pages.y;
    pages.rounded(0.0, top, CONTENT_WIDTH, height, 8.0, Paint::Fill(panel));
    pages.picto_alt(
        Pictogram::for_balance(statement.closing_minor),
        &labels::balance_sentence(m, statement),
        18.0,
        top + (height - 58.0) / 2.0,
        58.0,
    );
    pages.text(
        &m.msg("balance-now", &[]),
        text_x,
        text_width,
        top + 24.0,
        style(Weight::Regular, 10.0, colors::MUTED),
        Align::Start,
    );
    let big = style(Weight::Bold, 30.0, accent);
    let amount_width = pages.text(
        &m.fmt_amount_isolated(statement.closing_minor),
        text_x,
        text_width,
        top + 60.0,
        big,
        Align::Start,
    );
    let unit_x = text_x + amount_width + 6.0;
    pages.text(
        &statement.currency.unit,
        unit_x,
        (text_width - amount_width - 6.0).max(1.0),
        top + 60.0,
        style(Weight::Regular, 14.0, accent),
        Align::Start,
    );
    pages.paragraph(
        sentence,
        text_x,
        text_width,
        top + 68.0,
        style(Weight::Regular, 10.0, colors::INK),
        13.0,
    );
    balance_flows(
        pages,
        statement,
        CONTENT_WIDTH - flows_width - 14.0,
        flows_width,
        top + (height - 62.0) / 2.0,
    );
    pages.y = top + height + 8.0;
}

fn balance_flows(pages: &mut Pages<'_>, statement: &Statement, x: f32, width: f32, top: f32) {
    let m = pages.messages;
    let (month_in, month_out) = labels::month_flows(statement);
    let rows = [
        (
            "balance-start",
            m.fmt_amount_isolated(statement.opening_minor),
            colors::INK,
        ),
        (
            "balance-came-in",
            m.fmt_signed_amount_isolated(month_in),
            colors::IN,
        ),
        (
            "balance-went-out",
            m.fmt_signed_amount_isolated(-month_out),
            colors::OUT,
        ),
        (
            "balance-end",
            m.fmt_amount_isolated(statement.closing_minor),
            colors::INK,
        ),
    ];
    for (i, (id, amount, color)) in rows.iter().enumerate() {
        let baseline = top + 12.0 + 16.0 * i as f32;
        let label = m.msg(id, &[]);
        pages.text(
            &label,
            x,
            width - 56.0,
            baseline,
            style(Weight::Regular, 8.5, colors::MUTED),
            Align::Start,
        );
        pages.text(
            amount,
            x + width - 56.0,
            56.0,
            baseline,
            style(Weight::Bold, 9.5, *color),
            Align::End,
        );
        if i == 2 {
            pages.rule(x, baseline + 5.0, width, 0.5, colors::MUTED);
        }
    }
}

fn table_header(pages: &mut Pages<'_>) {
    let m = pages.messages;
    let head = style(Weight::Regular, 8.0, colors::MUTED);
    let baseline = pages.y + 9.0;
    let what = format!(
        "{} / {}",
        m.msg("column-who", &[]),
        m.msg("column-what", &[])
    );
    pages.open(Role::Row);
    for (text, column, align) in [
        (
            m.msg("column-date", &[]),
            (COL_DATE.0, COL_DATE.1 + 4.0),
            Align::Start,
        ),
        (what, COL_MAIN, Align::Start),
        (m.msg("column-kind", &[]), COL_KIND, Align::Start),
    ] {
        pages.header_cell(|pages| {
            pages.text(&text, column.0, column.1, baseline, head, align);
        });
    }
    for (column, id, pictogram) in [
        (COL_IN, "column-in", Pictogram::In),
        (COL_OUT, "column-out", Pictogram::Out),
    ] {
        pages.header_cell(|pages| {
            let label_width = pages.text(
                &m.msg(id, &[]),
                column.0,
                column.1,
                baseline,
                head,
                Align::End,
            );
            pages.picto(
                pictogram,
                column.0 + column.1 - label_width - 13.0,
                pages.y,
                11.0,
            );
        });
    }
    pages.header_cell(|pages| {
        pages.text(
            &m.msg("column-balance", &[]),
            COL_BALANCE.0,
            COL_BALANCE.1,
            baseline,
            head,
            Align::End,
        );
    });
    pages.close();
    pages.rule(0.0, pages.y + 14.0, CONTENT_WIDTH, 0.6, colors::RULE);
    pages.y += 16.0;
}

fn lines_table(pages: &mut Pages<'_>, statement: &Statement) {
    let m = pages.messages;
    pages.heading(&m.msg("lines-title", &[]), 0.0, CONTENT_WIDTH, 60.0);
    if statement.lines.is_empty() {
        pages.text(
            &m.msg("lines-none", &[]),
            0.0,
            CONTENT_WIDTH,
            pages.y + 10.0,
            BODY,
            Align::Start,
        );
        pages.y += 18.0;
        return;
    }
    pages.open(Role::Table);
    table_header(pages);
    for line in &statement.lines {
        let row = RowLines::new(pages, line);
        if pages.ensure(row.height()) {
            // The header again on the new page, for the eye only.
            pages.artifact(table_header);
        }
        draw_row(pages, line, row);
    }
    pages.close();
}

/// The wrapped texts of one table row, measured before placing it so the
/// whole row moves to the next page together.
struct RowLines {
    kind: Vec<ShapedLine>,
    who: Vec<ShapedLine>,
    what: Vec<ShapedLine>,
    signer: Vec<ShapedLine>,
    notes: Vec<Vec<ShapedLine>>,
}

const ROW_PAD: f32 = 6.0;
const NOTE_STYLE: Style = style(Weight::Regular, 8.0, colors::INK);
const KIND_STYLE: Style = style(Weight::Regular, 8.5, colors::INK);

impl RowLines {
    fn new(pages: &Pages<'_>, line: &StatementLine) -> Self {
        let m = pages.messages;
        let width = COL_MAIN.1;
        let seq = m.msg("line-number", &[("seq", Arg::Int(line.seq))]);
        let signer = format!("{} · {seq}", labels::signer_label(m, &line.signed_by));
        RowLines {
            kind: pages.wrap(
                &labels::work_label(m, line.work),
                COL_KIND.1 - 19.0,
                KIND_STYLE,
            ),
            who: pages.wrap(&labels::counterparty_names(line), width, BODY_BOLD),
            what: pages.wrap(&labels::what_label(m, line), width, BODY),
            signer: pages.wrap(&signer, width, SMALL_MUTED),
            notes: labels::line_notes(m, line)
                .iter()
                .map(|note| pages.wrap(note, width - 10.0, NOTE_STYLE))
                .collect(),
        }
    }

    fn height(&self) -> f32 {
        let texts =
            12.5 * (self.who.len() + self.what.len()) as f32 + 10.5 * self.signer.len() as f32;
        let notes: f32 = self.notes.iter().map(|n| 10.5 * n.len() as f32 + 5.0).sum();
        let kind = 10.5 * self.kind.len() as f32;
        2.0 * ROW_PAD + (texts + notes).max(kind)
    }
}

/// One row of the exchanges table, its cells drawn in column order (the
/// reading order of the tagged PDF).
fn draw_row(pages: &mut Pages<'_>, line: &StatementLine, row: RowLines) {
    let m = pages.messages;
    let top = pages.y;
    let height = row.height();
    let first_baseline = top + ROW_PAD + 9.5;
    pages.open(Role::Row);
    pages.cell(|pages| {
        pages.text(
            &m.fmt_date_short(line.date),
            COL_DATE.0,
            COL_DATE.1 + 4.0,
            first_baseline,
            style(Weight::Regular, 9.0, colors::MUTED),
            Align::Start,
        );
    });
    pages.cell(|pages| {
        let mut y = top + ROW_PAD;
        y = pages.paragraph(row.who, COL_MAIN.0, COL_MAIN.1, y, BODY_BOLD, 12.5);
        y = pages.paragraph(row.what, COL_MAIN.0, COL_MAIN.1, y, BODY, 12.5);
        y = pages.paragraph(row.signer, COL_MAIN.0, COL_MAIN.1, y, SMALL_MUTED, 10.5);
        for note in row.notes {
            let note_height = 10.5 * note.len() as f32 + 3.0;
            y += 2.0;
            pages.rect(COL_MAIN.0, y, COL_MAIN.1, note_height, colors::PANEL);
            pages.rect(COL_MAIN.0, y, 2.0, note_height, colors::OUT);
            pages.paragraph(
                note,
                COL_MAIN.0 + 7.0,
                COL_MAIN.1 - 10.0,
                y + 0.5,
                NOTE_STYLE,
                10.5,
            );
            y += note_height + 3.0;
        }
    });
    pages.cell(|pages| {
        // The pictogram stands beside the same words: decoration.
        pages.picto(
            Pictogram::Work(line.work),
            COL_KIND.0,
            top + ROW_PAD - 1.0,
            15.0,
        );
        // A long kind of work wraps under itself rather than being cut.
        pages.paragraph(
            row.kind,
            COL_KIND.0 + 19.0,
            COL_KIND.1 - 19.0,
            first_baseline - KIND_STYLE.size,
            KIND_STYLE,
            10.5,
        );
    });
    let amount_style = |color| style(Weight::Bold, 10.0, color);
    for (minor, column, color) in [
        (line.in_minor, COL_IN, colors::IN),
        (line.out_minor, COL_OUT, colors::OUT),
    ] {
        pages.cell(|pages| {
            if minor != 0 {
                pages.text(
                    &m.fmt_amount_isolated(minor),
                    column.0,
                    column.1,
                    first_baseline,
                    amount_style(color),
                    Align::End,
                );
            }
        });
    }
    pages.cell(|pages| {
        pages.text(
            &m.fmt_amount_isolated(line.balance_minor),
            COL_BALANCE.0,
            COL_BALANCE.1,
            first_baseline,
            style(Weight::Regular, 9.5, colors::INK),
            Align::End,
        );
    });
    pages.close();
    pages.rule(0.0, top + height, CONTENT_WIDTH, 0.5, colors::RULE);
    pages.y = top + height;
}

const HALF: f32 = (CONTENT_WIDTH - 24.0) / 2.0;
const RIGHT_X: f32 = HALF + 24.0;

/// Totals per kind of work on the start half, chart and limits on the other.
fn totals_and_chart(pages: &mut Pages<'_>, statement: &Statement) {
    pages.y += 6.0;
    pages.ensure(230.0);
    let top = pages.y;
    let totals_bottom = totals_block(pages, statement, top);
    pages.y = top;
    let chart_bottom = chart_block(pages, statement, top);
    pages.y = totals_bottom.max(chart_bottom) + 10.0;
}

fn totals_block(pages: &mut Pages<'_>, statement: &Statement, top: f32) -> f32 {
    let m = pages.messages;
    pages.y = top;
    pages.heading(&m.msg("totals-title", &[]), 0.0, HALF, 100.0);
    let amount_width = 64.0;
    let given_x = HALF - 2.0 * amount_width;
    let head = style(Weight::Regular, 8.0, colors::MUTED);
    pages.open(Role::Table);
    pages.open(Role::Row);
    pages.header_cell(|pages| {
        pages.text(
            &m.msg("column-kind", &[]),
            24.0,
            given_x - 26.0,
            pages.y + 6.0,
            head,
            Align::Start,
        );
    });
    for (id, x) in [
        ("totals-given", given_x),
        ("totals-received", given_x + amount_width),
    ] {
        pages.header_cell(|pages| {
            pages.text(
                &m.msg(id, &[]),
                x,
                amount_width,
                pages.y + 6.0,
                head,
                Align::End,
            );
        });
    }
    pages.close();
    pages.y += 10.0;
    for work in WorkKind::ALL {
        let (given, received) = statement.work_total(work);
        let baseline = pages.y + 15.0;
        pages.open(Role::Row);
        pages.cell(|pages| {
            pages.picto(Pictogram::Work(work), 0.0, pages.y + 3.0, 17.0);
            pages.text(
                &labels::work_label(m, work),
                24.0,
                given_x - 26.0,
                baseline,
                BODY,
                Align::Start,
            );
        });
        for (minor, x, color) in [
            (given, given_x, colors::IN),
            (received, given_x + amount_width, colors::OUT),
        ] {
            pages.cell(|pages| {
                pages.text(
                    &m.fmt_amount_isolated(minor),
                    x,
                    amount_width,
                    baseline,
                    style(Weight::Bold, 10.0, color),
                    Align::End,
                );
            });
        }
        pages.close();
        pages.rule(0.0, pages.y + 22.0, HALF, 0.4, colors::RULE);
        pages.y += 23.0;
    }
    pages.close();
    pages.y += 6.0;
    let summary = format!(
        "{}. {}",
        labels::exchange_count(m, statement.exchange_count),
        labels::people_helped(m, statement.people_helped_count)
    );
    let lines = pages.wrap(&summary, HALF, BODY);
    pages.open(Role::P);
    let bottom = pages.paragraph(lines, 0.0, HALF, pages.y, BODY, 13.0);
    pages.close();
    bottom
}

const CHART_HEIGHT: f32 = 70.0;

fn chart_block(pages: &mut Pages<'_>, statement: &Statement, top: f32) -> f32 {
    let m = pages.messages;
    pages.y = top;
    pages.heading(&m.msg("chart-title", &[]), RIGHT_X, HALF, 100.0);
    // Room above and below the bars for each month's figure.
    let figure_room = 9.0;
    let chart_top = pages.y + 4.0 + figure_room;
    let bars_height = CHART_HEIGHT - 2.0 * figure_room;
    let left = pages.px(RIGHT_X, HALF);
    let mut layout = chart::layout(&statement.history, HALF, bars_height);
    if pages.rtl {
        layout = layout.mirrored(HALF);
    }
    let slot = HALF / layout.bars.len().max(1) as f32;
    let label_style = style(Weight::Regular, 6.5, colors::MUTED);
    let figure_style = style(Weight::Regular, 5.5, colors::INK);
    let widest = layout
        .bars
        .iter()
        .map(|bar| {
            fonts::measure(
                &m.month_abbrev(bar.month),
                label_style.weight,
                label_style.size,
                pages.rtl,
            )
        })
        .fold(0.0_f32, f32::max);
    // Long month names (Arabic has no short ones) label every other bar,
    // always including this month's; a name still too long is drawn
    // smaller, never cut.
    let step = if widest > slot - 2.0 { 2 } else { 1 };
    let last = layout.bars.len().saturating_sub(1);
    let alt = chart_alt(m, statement);
    pages.open(Role::Figure(alt));
    for (index, bar) in layout.bars.iter().enumerate() {
        let color = if bar.negative {
            colors::OUT
        } else {
            colors::IN
        };
        pages.push(Op::Shape {
            path: rect_path(
                left + bar.x,
                chart_top + bar.y,
                bar.width,
                bar.height,
                1.5_f32.min(bar.height / 2.0),
            ),
            paint: Paint::Fill(color),
        });
        // The figure of each bar, above it (below a negative one).
        let figure = fonts::shape_line(
            &m.fmt_amount_isolated(bar.closing_minor),
            figure_style.weight,
            pages.rtl,
        );
        let figure_size = shrink_to(&figure, figure_style.size, slot - 1.0);
        let figure_y = if bar.negative {
            chart_top + bar.y + bar.height + figure_size + 1.5
        } else {
            chart_top + bar.y - 2.0
        };
        let figure_x = left + bar.center_x - figure.width(figure_size) / 2.0;
        pages.push(text_op(
            figure_x,
            figure_y,
            Style {
                size: figure_size,
                ..figure_style
            },
            figure,
        ));
        if !(last - index).is_multiple_of(step) {
            continue;
        }
        let label = fonts::shape_line(&m.month_abbrev(bar.month), label_style.weight, pages.rtl);
        let label_size = shrink_to(&label, label_style.size, slot * step as f32 - 1.0);
        let label_x = left + bar.center_x - label.width(label_size) / 2.0;
        pages.push(text_op(
            label_x,
            chart_top + bars_height + figure_room + 9.0,
            Style {
                size: label_size,
                ..label_style
            },
            label,
        ));
    }
    pages.push(Op::Shape {
        path: rect_path(left, chart_top + layout.zero_y - 0.4, HALF, 0.8, 0.0),
        paint: Paint::Fill(colors::INK),
    });
    pages.close();
    pages.y = chart_top + bars_height + figure_room + 16.0;
    limits_block(pages, statement)
}

/// The chart in words, for a screen reader: each month and its balance.
fn chart_alt(m: &Messages, statement: &Statement) -> String {
    let values: Vec<String> = statement
        .history
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                m.fmt_month(p.year, p.month),
                m.fmt_amount(p.closing_minor)
            )
        })
        .collect();
    m.msg("chart-alt", &[("values", Arg::Str(&values.join(", ")))])
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

/// The floor-to-ceiling bar with the balance marked on it, and its meaning.
fn limits_block(pages: &mut Pages<'_>, statement: &Statement) -> f32 {
    let m = pages.messages;
    pages.heading(&m.msg("limits-title", &[]), RIGHT_X, HALF, 60.0);
    let (at, zero) = chart::limits_gauge(
        statement.floor_minor,
        statement.ceiling_minor,
        statement.closing_minor,
    );
    let bar_top = pages.y + 4.0;
    // The gauge is a picture: floor on the left, ceiling on the right.
    let left = pages.px(RIGHT_X, HALF);
    let shape = |path, color| Op::Shape {
        path,
        paint: Paint::Fill(color),
    };
    pages.push(shape(
        rect_path(left, bar_top, HALF * zero, 8.0, 0.0),
        colors::OUT_LIGHT,
    ));
    pages.push(shape(
        rect_path(left + HALF * zero, bar_top, HALF * (1.0 - zero), 8.0, 0.0),
        colors::IN_LIGHT,
    ));
    pages.push(shape(
        rect_path(left + HALF * zero - 0.5, bar_top - 3.0, 1.0, 14.0, 0.0),
        colors::INK,
    ));
    let marker = if statement.closing_minor < 0 {
        colors::OUT
    } else {
        colors::IN
    };
    pages.push(shape(
        rect_path(left + HALF * at - 6.0, bar_top - 2.0, 12.0, 12.0, 6.0),
        marker,
    ));
    let small = style(Weight::Regular, 7.5, colors::MUTED);
    let (floor_text, ceiling_text) = labels::limit_lines(m, statement);
    let floor_line = fonts::fit_line(&floor_text, small.weight, small.size, HALF / 2.0, pages.rtl);
    let ceiling_line = fonts::fit_line(
        &ceiling_text,
        small.weight,
        small.size,
        HALF / 2.0,
        pages.rtl,
    );
    let ceiling_x = left + HALF - ceiling_line.width(small.size);
    pages.push(text_op(left, bar_top + 20.0, small, floor_line));
    pages.push(text_op(ceiling_x, bar_top + 20.0, small, ceiling_line));
    pages.y = bar_top + 28.0;
    let sentence_style = style(Weight::Regular, 8.5, colors::INK);
    let lines = pages.wrap(&labels::limits_sentence(m, statement), HALF, sentence_style);
    pages.paragraph(lines, RIGHT_X, HALF, pages.y, sentence_style, 11.0)
}

fn contributors_table(pages: &mut Pages<'_>, contributors: &[Contributor]) {
    if contributors.is_empty() {
        return;
    }
    let m = pages.messages;
    pages.y += 10.0;
    pages.heading(&m.msg("contributors-title", &[]), 0.0, CONTENT_WIDTH, 60.0);
    let cell = 64.0;
    let total_x = CONTENT_WIDTH - cell;
    let kind_x = |i: usize| total_x - cell * (4 - i) as f32;
    let name_width = kind_x(0) - 8.0;
    let head = style(Weight::Regular, 7.5, colors::MUTED);
    pages.open(Role::Table);
    let header = |pages: &mut Pages<'_>| {
        let top = pages.y;
        pages.open(Role::Row);
        pages.header_cell(|pages| {
            pages.text(
                &m.msg("column-member", &[]),
                0.0,
                name_width,
                top + 22.0,
                head,
                Align::Start,
            );
        });
        for (i, work) in WorkKind::ALL.iter().enumerate() {
            pages.header_cell(|pages| {
                pages.picto(Pictogram::Work(*work), kind_x(i) + cell - 14.0, top, 14.0);
                pages.text(
                    &labels::work_label(m, *work),
                    kind_x(i),
                    cell,
                    top + 22.0,
                    head,
                    Align::End,
                );
            });
        }
        pages.header_cell(|pages| {
            pages.text(
                &m.msg("column-total", &[]),
                total_x,
                cell,
                top + 22.0,
                head,
                Align::End,
            );
        });
        pages.close();
        pages.rule(0.0, top + 27.0, CONTENT_WIDTH, 0.6, colors::RULE);
        pages.y = top + 28.0;
    };
    header(pages);
    for contributor in contributors {
        if pages.ensure(20.0) {
            pages.artifact(header);
        }
        let baseline = pages.y + 13.0;
        pages.open(Role::Row);
        pages.cell(|pages| {
            pages.text(
                &contributor.display_name,
                0.0,
                name_width,
                baseline,
                BODY,
                Align::Start,
            );
        });
        for (i, work) in WorkKind::ALL.iter().enumerate() {
            let minor = contributor.hours(*work);
            pages.cell(|pages| {
                if minor != 0 {
                    pages.text(
                        &m.fmt_amount_isolated(minor),
                        kind_x(i),
                        cell,
                        baseline,
                        BODY,
                        Align::End,
                    );
                }
            });
        }
        pages.cell(|pages| {
            pages.text(
                &m.fmt_amount_isolated(contributor.total_minor),
                total_x,
                cell,
                baseline,
                BODY_BOLD,
                Align::End,
            );
        });
        pages.close();
        pages.rule(0.0, pages.y + 19.0, CONTENT_WIDTH, 0.4, colors::RULE);
        pages.y += 19.0;
    }
    pages.close();
}

/// Whom to ask about the statement and how to question a line.
fn contact_block(pages: &mut Pages<'_>, statement: &Statement) {
    let m = pages.messages;
    let (who, question) = labels::contact_lines(m, statement);
    let who_lines = pages.wrap(&who, CONTENT_WIDTH, BODY_BOLD);
    let question_lines = pages.wrap(&question, CONTENT_WIDTH, BODY);
    let height = 13.0 * (who_lines.len() + question_lines.len()) as f32;
    pages.y += 10.0;
    pages.heading(&m.msg("contact-title", &[]), 0.0, CONTENT_WIDTH, height);
    let y = pages.paragraph(who_lines, 0.0, CONTENT_WIDTH, pages.y, BODY_BOLD, 13.0);
    pages.y = pages.paragraph(question_lines, 0.0, CONTENT_WIDTH, y, BODY, 13.0);
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

/// The attestation's pages (one, unless a long list of initiatives): the
/// organisation's details, the title, the figures, where and when it was
/// signed with a line for the signature, and how to check it.
pub fn attestation_pages(attestation: &Attestation, messages: &Messages) -> Laid {
    let title = messages.msg("attestation-title", &[]);
    let mut pages = Pages::new(messages, (attestation.display_name.clone(), title.clone()));
    let top = pages.y;
    let organisation = labels::organisation_lines(messages, attestation);
    let mut y = top;
    for (i, line) in organisation.iter().enumerate() {
        let (size, weight, color) = if i == 0 {
            (13.0, Weight::Bold, colors::INK)
        } else {
            (8.5, Weight::Regular, colors::MUTED)
        };
        y += if i == 0 { 13.0 } else { 11.0 };
        pages.text(
            line,
            0.0,
            CONTENT_WIDTH,
            y,
            style(weight, size, color),
            Align::Start,
        );
    }
    let top = y - 13.0;
    pages.rule(0.0, top + 22.0, CONTENT_WIDTH, 2.2, colors::INK);
    pages.open(Role::H1(title.clone()));
    pages.text(
        &title,
        0.0,
        CONTENT_WIDTH,
        top + 52.0,
        style(Weight::Bold, 20.0, colors::INK),
        Align::Start,
    );
    pages.close();
    pages.text(
        &attestation.display_name,
        0.0,
        CONTENT_WIDTH,
        top + 82.0,
        style(Weight::Bold, 16.0, colors::INK),
        Align::Start,
    );
    let intro_style = style(Weight::Regular, 11.5, colors::INK);
    let intro = pages.wrap(
        &labels::attestation_intro(messages, attestation),
        CONTENT_WIDTH,
        intro_style,
    );
    pages.y = pages.paragraph(intro, 0.0, CONTENT_WIDTH, top + 96.0, intro_style, 16.0) + 8.0;
    attestation_tables(&mut pages, attestation);
    let explained = pages.wrap(
        &messages.msg("attestation-explained", &[]),
        CONTENT_WIDTH,
        BODY,
    );
    pages.y += 8.0;
    pages.ensure(40.0);
    pages.y = pages.paragraph(explained, 0.0, CONTENT_WIDTH, pages.y, BODY, 13.0);
    signature_block(&mut pages, attestation);
    let text = labels::attestation_verification_lines(messages, attestation);
    verification_box(
        &mut pages,
        &attestation.verification,
        text,
        "attestation-verify-title",
    );
    let footer = format!(
        "{} · {}",
        attestation.community_name, attestation.display_name
    );
    pages.finish(&footer)
}

/// Place and date, a line to sign on, and who signs.
fn signature_block(pages: &mut Pages<'_>, attestation: &Attestation) {
    let m = pages.messages;
    let (done, signatory) = labels::signing_lines(m, attestation);
    pages.y += 10.0;
    pages.ensure(70.0);
    let top = pages.y;
    pages.text(&done, 0.0, CONTENT_WIDTH, top + 12.0, BODY, Align::Start);
    let line_width = 200.0;
    pages.rule(0.0, top + 50.0, line_width, 0.8, colors::INK);
    pages.text(
        &m.msg("attestation-signature", &[]),
        0.0,
        line_width,
        top + 60.0,
        SMALL_MUTED,
        Align::Start,
    );
    let mut bottom = top + 64.0;
    if let Some(signatory) = signatory {
        pages.text(
            &signatory,
            0.0,
            CONTENT_WIDTH,
            top + 73.0,
            BODY_BOLD,
            Align::Start,
        );
        bottom = top + 78.0;
    }
    pages.y = bottom;
}

fn attestation_tables(pages: &mut Pages<'_>, attestation: &Attestation) {
    let m = pages.messages;
    let amount_x = CONTENT_WIDTH - 80.0;
    pages.heading(
        &m.msg("attestation-by-work", &[]),
        0.0,
        CONTENT_WIDTH,
        100.0,
    );
    pages.open(Role::Table);
    for (work, minor) in &attestation.given_by_work {
        pages.picto(Pictogram::Work(*work), 0.0, pages.y + 3.0, 18.0);
        amount_row(
            pages,
            &labels::work_label(m, *work),
            26.0,
            amount_x,
            *minor,
            BODY,
        );
    }
    pages.close();
    pages.y += 8.0;
    pages.heading(
        &m.msg("attestation-by-initiative", &[]),
        0.0,
        CONTENT_WIDTH,
        40.0,
    );
    if attestation.given_by_initiative.is_empty() {
        pages.text(
            &m.msg("attestation-none", &[]),
            0.0,
            CONTENT_WIDTH,
            pages.y + 12.0,
            BODY,
            Align::Start,
        );
        pages.y += 18.0;
    }
    pages.open(Role::Table);
    for (_, name, minor) in &attestation.given_by_initiative {
        amount_row(pages, name, 0.0, amount_x, *minor, BODY);
    }
    pages.rule(0.0, pages.y + 1.0, CONTENT_WIDTH, 1.0, colors::INK);
    amount_row(
        pages,
        &m.msg("attestation-total", &[]),
        0.0,
        amount_x,
        attestation.total_given_minor,
        style(Weight::Bold, 11.0, colors::INK),
    );
    pages.close();
    let exchanges = labels::attestation_exchanges(m, attestation.exchange_count);
    pages.text(
        &exchanges,
        0.0,
        CONTENT_WIDTH,
        pages.y + 12.0,
        BODY,
        Align::Start,
    );
    pages.y += 18.0;
}

fn amount_row(
    pages: &mut Pages<'_>,
    label: &str,
    label_x: f32,
    amount_x: f32,
    minor: i64,
    text_style: Style,
) {
    pages.ensure(24.0);
    let baseline = pages.y + 16.0;
    let amount = pages.messages.fmt_amount_isolated(minor);
    // Each row is headed by its label: a table of two columns.
    pages.open(Role::Row);
    pages.open(Role::RowHeader);
    pages.text(
        label,
        label_x,
        amount_x - label_x - 8.0,
        baseline,
        text_style,
        Align::Start,
    );
    pages.close();
    pages.cell(|pages| {
        pages.text(
            &amount,
            amount_x,
            CONTENT_WIDTH - amount_x,
            baseline,
            style(Weight::Bold, text_style.size, colors::IN),
            Align::End,
        );
    });
    pages.close();
    pages.rule(0.0, pages.y + 23.0, CONTENT_WIDTH, 0.4, colors::RULE);
    pages.y += 24.0;
}
