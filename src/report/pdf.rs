//! The community report as a print-ready PDF (A4): the statement's page
//! builder (running titles, footers, right-to-left mirroring), its fonts,
//! pictograms and bar geometry, and the map drawn as vector paths from the
//! same layout the SVG is written from.

use super::labels;
use super::map::{label_style, map_points, node_colors, node_shape, LabelStyle, MapLayout};
use super::model::{InitiativeFigures, Report, WorkKind};
use crate::i18n::{Arg, Messages};
use crate::statement::chart;
use crate::statement::labels::{currency_line, work_label};
use crate::statement::pdf::layout::{
    rect_path, style, text_op, Align, Laid, Op, Pages, Role, Style, BODY, BODY_BOLD,
    CONTENT_BOTTOM, CONTENT_WIDTH, MARGIN, SMALL_MUTED,
};
use crate::statement::pdf::{fit_line, PdfError, Weight};
use crate::statement::pictogram::{colors, work_color, Cmd, Paint, Pictogram};

const SMALL: Style = style(Weight::Regular, 8.0, colors::INK);
const SUBHEADING: Style = style(Weight::Bold, 10.5, colors::INK);

/// The report as a PDF in `messages`' language.
pub fn render_report_pdf(
    report: &Report,
    map: &MapLayout,
    messages: &Messages,
) -> Result<Vec<u8>, PdfError> {
    let pages = report_pages(report, map, messages);
    let title = format!(
        "{} · {}",
        messages.msg("report-title", &[]),
        report.community_name
    );
    crate::statement::pdf::document(&pages, title, messages)
}

/// The report's pages as drawing operations (for tests and the PDF).
pub fn report_pages(report: &Report, map: &MapLayout, messages: &Messages) -> Laid {
    let title = messages.msg("report-title", &[]);
    let period = labels::period(messages, report);
    let mut pages = Pages::new(messages, (title.clone(), period.clone()));
    header(&mut pages, report, &title, &period);
    glance(&mut pages, report);
    super::pdf_growth::growth(&mut pages, report);
    by_work(&mut pages, report);
    by_skill(&mut pages, report);
    giving(&mut pages, report);
    super::pdf_policy::requests(&mut pages, report);
    needs_call(&mut pages, report);
    super::pdf_policy::needs_call(&mut pages, report);
    super::pdf_growth::months(&mut pages, report);
    super::pdf_growth::months_chart(&mut pages, report);
    initiatives(&mut pages, report);
    map_page(&mut pages, report, map);
    pages.finish(&format!("{} · {title} · {period}", report.community_name))
}

fn header(pages: &mut Pages<'_>, report: &Report, title: &str, period: &str) {
    let m = pages.messages;
    let top = pages.y;
    let half = CONTENT_WIDTH / 2.0;
    pages.text(
        &report.community_name,
        0.0,
        half + 40.0,
        top + 13.0,
        style(Weight::Bold, 13.0, colors::INK),
        Align::Start,
    );
    let currency = currency_line(
        m,
        &report.currency.name,
        &m.unit_name(&report.currency.unit),
    );
    pages.text(
        &currency,
        0.0,
        half + 40.0,
        top + 28.0,
        SMALL_MUTED,
        Align::Start,
    );
    // The document's heading for a screen reader; on paper the period is
    // drawn smaller rather than cut when it is long.
    pages.open(Role::H1(format!("{title} · {period}")));
    pages.text(
        title,
        half,
        half,
        top + 10.0,
        style(Weight::Regular, 9.0, colors::MUTED),
        Align::End,
    );
    pages.text(
        period,
        half - 60.0,
        half + 60.0,
        top + 29.0,
        style(Weight::Bold, 15.0, colors::INK),
        Align::End,
    );
    pages.close();
    pages.rule(0.0, top + 38.0, CONTENT_WIDTH, 2.2, colors::INK);
    let note = pages.wrap(&labels::as_of(m, report), CONTENT_WIDTH, SMALL_MUTED);
    pages.y = pages.paragraph(note, 0.0, CONTENT_WIDTH, top + 46.0, SMALL_MUTED, 10.5) + 4.0;
}

fn glance(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    pages.heading(&m.msg("report-glance-title", &[]), 0.0, CONTENT_WIDTH, 70.0);
    let gap = 8.0;
    let width = (CONTENT_WIDTH - 4.0 * gap) / 5.0;
    let top = pages.y;
    for (i, (value, what)) in labels::tiles(m, report).into_iter().enumerate() {
        let x = i as f32 * (width + gap);
        pages.rounded(x, top, width, 58.0, 5.0, Paint::Fill(colors::PANEL));
        pages.text(
            &value,
            x + 7.0,
            width - 14.0,
            top + 22.0,
            style(Weight::Bold, 15.0, colors::INK),
            Align::Start,
        );
        let what_style = style(Weight::Regular, 7.5, colors::MUTED);
        let lines = pages.wrap(&what, width - 14.0, what_style);
        pages.paragraph(
            lines.into_iter().take(3).collect(),
            x + 7.0,
            width - 14.0,
            top + 28.0,
            what_style,
            9.0,
        );
    }
    pages.y = top + 64.0;
    let system = pages.wrap(
        &labels::system(m, report, &report.system_transfers),
        CONTENT_WIDTH,
        SMALL_MUTED,
    );
    pages.y = pages.paragraph(system, 0.0, CONTENT_WIDTH, pages.y, SMALL_MUTED, 10.5) + 4.0;
    super::pdf_policy::apart(pages, report);
    pages.y += 2.0;
}

/// Columns of the figure tables: (label start, bar start, bar width, hours, count).
const BAR_X: f32 = 150.0;
const BAR_W: f32 = 200.0;
const HOURS_X: f32 = 360.0;
const COUNT_X: f32 = 440.0;

fn column_heads(pages: &mut Pages<'_>) {
    let m = pages.messages;
    let head = style(Weight::Regular, 7.5, colors::MUTED);
    pages.text(
        &m.msg("report-column-hours", &[]),
        HOURS_X,
        70.0,
        pages.y + 8.0,
        head,
        Align::End,
    );
    pages.text(
        &m.msg("report-column-exchanges", &[]),
        COUNT_X,
        CONTENT_WIDTH - COUNT_X,
        pages.y + 8.0,
        head,
        Align::End,
    );
    pages.y += 10.0;
}

/// One row: optional pictogram, label, bar, hours and count.
fn figure_row(
    pages: &mut Pages<'_>,
    picto: Option<Pictogram>,
    label: &str,
    minor: i64,
    count: u64,
    max: i64,
    color: crate::statement::pictogram::Rgb,
) {
    pages.ensure(20.0);
    let m = pages.messages;
    let top = pages.y;
    let label_x = if let Some(picto) = picto {
        pages.picto(picto, 0.0, top + 2.0, 15.0);
        22.0
    } else {
        0.0
    };
    pages.text(
        label,
        label_x,
        BAR_X - label_x - 6.0,
        top + 13.0,
        BODY,
        Align::Start,
    );
    let share = if max > 0 {
        minor.max(0) as f32 / max as f32
    } else {
        0.0
    };
    pages.rounded(
        BAR_X,
        top + 6.0,
        (BAR_W * share).max(0.8),
        8.0,
        2.0,
        Paint::Fill(color),
    );
    pages.text(
        &m.fmt_amount(minor),
        HOURS_X,
        70.0,
        top + 13.0,
        BODY_BOLD,
        Align::End,
    );
    pages.text(
        &m.fmt_integer(count as i64),
        COUNT_X,
        CONTENT_WIDTH - COUNT_X,
        top + 13.0,
        BODY,
        Align::End,
    );
    pages.rule(0.0, top + 19.0, CONTENT_WIDTH, 0.4, colors::RULE);
    pages.y = top + 20.0;
}

fn by_work(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    pages.heading(
        &m.msg("report-by-work-title", &[]),
        0.0,
        CONTENT_WIDTH,
        90.0,
    );
    column_heads(pages);
    let max = report
        .by_work
        .iter()
        .map(|w| w.hours_minor)
        .max()
        .unwrap_or(0);
    for figure in &report.by_work {
        let label = work_label(m, figure.work);
        figure_row(
            pages,
            Some(Pictogram::Work(figure.work)),
            &label,
            figure.hours_minor,
            figure.exchanges,
            max,
            work_color(figure.work),
        );
    }
    pages.y += 8.0;
}

fn by_skill(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    pages.heading(
        &m.msg("report-by-skill-title", &[]),
        0.0,
        CONTENT_WIDTH,
        50.0,
    );
    column_heads(pages);
    let max = report
        .by_skill
        .iter()
        .map(|s| s.hours_minor)
        .max()
        .unwrap_or(0);
    let no_skill = m.msg("report-no-skill", &[]);
    for figure in &report.by_skill {
        let label = figure.skill.as_deref().unwrap_or(&no_skill);
        figure_row(
            pages,
            None,
            label,
            figure.hours_minor,
            figure.exchanges,
            max,
            colors::MUTED,
        );
    }
    pages.y += 8.0;
}

const HALF: f32 = (CONTENT_WIDTH - 24.0) / 2.0;
const DECILES_H: f32 = 80.0;

fn giving(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    let giving = &report.giving;
    pages.heading(
        &m.msg("report-giving-title", &[]),
        0.0,
        CONTENT_WIDTH,
        150.0,
    );
    let sentence = pages.wrap(&labels::top_tenth(m, giving), CONTENT_WIDTH, BODY);
    pages.y = pages.paragraph(sentence, 0.0, CONTENT_WIDTH, pages.y, BODY, 13.0) + 6.0;
    let top = pages.y;
    deciles_chart(pages, &giving.deciles_given_minor, top);
    let mut y = top;
    for (label, count) in labels::giving_counts(m, giving) {
        pages.text(
            &label,
            HALF + 24.0,
            HALF - 60.0,
            y + 13.0,
            BODY,
            Align::Start,
        );
        pages.text(
            &m.fmt_integer(i64::from(count)),
            CONTENT_WIDTH - 60.0,
            60.0,
            y + 13.0,
            BODY_BOLD,
            Align::End,
        );
        pages.rule(HALF + 24.0, y + 19.0, HALF, 0.4, colors::RULE);
        y += 20.0;
    }
    pages.y = top + DECILES_H + 34.0;
}

/// Ten bars, most active tenth first; a picture, so never mirrored.
fn deciles_chart(pages: &mut Pages<'_>, deciles: &[i64], top: f32) {
    let m = pages.messages;
    let left = pages.px(0.0, HALF);
    let layout = chart::bars(deciles, HALF, DECILES_H);
    let label_style = style(Weight::Regular, 7.0, colors::MUTED);
    for (i, bar) in layout.bars.iter().enumerate() {
        let color = if i == 0 { colors::OUT } else { colors::IN };
        pages.push(Op::Shape {
            path: rect_path(
                left + bar.x,
                top + bar.y,
                bar.width,
                bar.height,
                1.0_f32.min(bar.height / 2.0),
            ),
            paint: Paint::Fill(color),
        });
        let label = fit_line(
            &m.fmt_integer(i as i64 + 1),
            label_style.weight,
            label_style.size,
            20.0,
            pages.rtl,
        );
        let x = left + bar.center_x - label.width(label_style.size) / 2.0;
        pages.push(text_op(x, top + DECILES_H + 10.0, label_style, label));
    }
    pages.push(Op::Shape {
        path: rect_path(left, top + layout.zero_y - 0.4, HALF, 0.8, 0.0),
        paint: Paint::Fill(colors::INK),
    });
    let caption = fit_line(
        &m.msg("report-deciles-caption", &[]),
        Weight::Regular,
        7.5,
        HALF,
        pages.rtl,
    );
    pages.push(text_op(
        left,
        top + DECILES_H + 22.0,
        style(Weight::Regular, 7.5, colors::MUTED),
        caption,
    ));
}

fn needs_call(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    let calls = &report.needs_call;
    pages.heading(&m.msg("report-call-title", &[]), 0.0, CONTENT_WIDTH, 60.0);
    let quiet: Vec<(String, String)> = calls
        .quiet
        .iter()
        .map(|q| {
            (
                labels::member(&q.account_id, q.name.as_deref()),
                m.fmt_date(q.last_exchange),
            )
        })
        .collect();
    let quiet_heads = (
        m.msg("report-column-account", &[]),
        m.msg("report-column-last", &[]),
    );
    member_list(
        pages,
        &labels::quiet_title(m, calls),
        quiet_heads,
        &quiet,
        &labels::quiet_none(m, calls),
    );
    let new: Vec<(String, String)> = calls
        .no_first_exchange
        .iter()
        .map(|n| {
            (
                labels::member(&n.account_id, n.name.as_deref()),
                m.fmt_date(n.opened),
            )
        })
        .collect();
    let new_heads = (
        m.msg("report-column-account", &[]),
        m.msg("report-column-opened", &[]),
    );
    member_list(
        pages,
        &m.msg("report-call-new", &[]),
        new_heads,
        &new,
        &m.msg("report-call-new-none", &[]),
    );
}

/// A titled two-column list of members, or a sentence when it is empty.
fn member_list(
    pages: &mut Pages<'_>,
    title: &str,
    heads: (String, String),
    rows: &[(String, String)],
    none: &str,
) {
    pages.ensure(40.0);
    pages.text(
        title,
        0.0,
        CONTENT_WIDTH,
        pages.y + 12.0,
        SUBHEADING,
        Align::Start,
    );
    pages.y += 18.0;
    if rows.is_empty() {
        pages.text(
            none,
            0.0,
            CONTENT_WIDTH,
            pages.y + 11.0,
            style(Weight::Regular, 9.0, colors::MUTED),
            Align::Start,
        );
        pages.y += 20.0;
        return;
    }
    let head = style(Weight::Regular, 7.5, colors::MUTED);
    pages.text(&heads.0, 0.0, 250.0, pages.y + 8.0, head, Align::Start);
    pages.text(&heads.1, 250.0, 150.0, pages.y + 8.0, head, Align::End);
    pages.y += 10.0;
    for (member, date) in rows {
        pages.ensure(16.0);
        pages.text(member, 0.0, 250.0, pages.y + 11.0, BODY, Align::Start);
        pages.text(date, 250.0, 150.0, pages.y + 11.0, BODY, Align::End);
        pages.rule(0.0, pages.y + 15.5, 400.0, 0.4, colors::RULE);
        pages.y += 16.0;
    }
    pages.y += 8.0;
}

fn initiatives(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    pages.heading(
        &m.msg("report-initiatives-title", &[]),
        0.0,
        CONTENT_WIDTH,
        100.0,
    );
    if report.initiatives.is_empty() {
        pages.text(
            &m.msg("report-initiatives-none", &[]),
            0.0,
            CONTENT_WIDTH,
            pages.y + 11.0,
            BODY,
            Align::Start,
        );
        pages.y += 20.0;
    }
    for initiative in &report.initiatives {
        initiative_block(pages, initiative);
    }
}

fn initiative_block(pages: &mut Pages<'_>, initiative: &InitiativeFigures) {
    let m = pages.messages;
    pages.ensure(110.0);
    pages.text(
        &initiative.name,
        0.0,
        CONTENT_WIDTH,
        pages.y + 12.0,
        SUBHEADING,
        Align::Start,
    );
    let cell = 62.0;
    let label_width = CONTENT_WIDTH - 5.0 * cell;
    let x = |i: usize| label_width + cell * i as f32;
    let top = pages.y + 16.0;
    let head = style(Weight::Regular, 7.0, colors::MUTED);
    for (i, work) in WorkKind::ALL.iter().enumerate() {
        pages.picto(Pictogram::Work(*work), x(i) + cell - 13.0, top, 13.0);
        pages.text(
            &work_label(m, *work),
            x(i),
            cell,
            top + 23.0,
            head,
            Align::End,
        );
    }
    pages.text(
        &m.msg("column-total", &[]),
        x(4),
        cell,
        top + 23.0,
        head,
        Align::End,
    );
    pages.y = top + 26.0;
    for (id, pick, total) in labels::initiative_rows(initiative) {
        let baseline = pages.y + 12.0;
        pages.text(
            &m.msg(id, &[]),
            0.0,
            label_width - 6.0,
            baseline,
            SMALL,
            Align::Start,
        );
        for (i, figure) in initiative.by_work.iter().enumerate() {
            pages.text(
                &m.fmt_amount(pick(figure)),
                x(i),
                cell,
                baseline,
                SMALL,
                Align::End,
            );
        }
        pages.text(
            &m.fmt_amount(total),
            x(4),
            cell,
            baseline,
            style(Weight::Bold, 8.0, colors::INK),
            Align::End,
        );
        pages.rule(0.0, pages.y + 16.0, CONTENT_WIDTH, 0.4, colors::RULE);
        pages.y += 17.0;
    }
    let paid = m.msg(
        "report-members-paid",
        &[("count", Arg::Int(i64::from(initiative.members_paid)))],
    );
    pages.text(
        &paid,
        0.0,
        CONTENT_WIDTH,
        pages.y + 11.0,
        style(Weight::Regular, 8.0, colors::MUTED),
        Align::Start,
    );
    pages.y += 22.0;
}

/// The map on a page of its own, scaled to the space left under its notes.
fn map_page(pages: &mut Pages<'_>, report: &Report, map: &MapLayout) {
    let m = pages.messages;
    pages.ensure(CONTENT_BOTTOM);
    pages.heading(&m.msg("report-map-title", &[]), 0.0, CONTENT_WIDTH, 0.0);
    for note in labels::map_notes(m, report, map) {
        let lines = pages.wrap(&note, CONTENT_WIDTH, SMALL_MUTED);
        pages.y = pages.paragraph(lines, 0.0, CONTENT_WIDTH, pages.y, SMALL_MUTED, 10.5);
    }
    legend(pages);
    let top = pages.y + 6.0;
    let (width, height) = (CONTENT_WIDTH, CONTENT_BOTTOM - top);
    let scale = (width / map.width).min(height / map.height).min(2.0);
    let left = MARGIN + (width - map.width * scale) / 2.0;
    for op in map_ops(map, left, top, scale) {
        pages.push(op);
    }
    pages.y = top + map.height * scale;
}

/// One line of the shapes' meaning and the colours of the kinds of work.
pub(super) fn legend(pages: &mut Pages<'_>) {
    let m = pages.messages;
    let top = pages.y + 4.0;
    let mut x = 0.0;
    for work in WorkKind::ALL {
        pages.rounded(x, top + 4.0, 14.0, 4.0, 2.0, Paint::Fill(work_color(work)));
        let label = work_label(m, work);
        let drawn = pages.text(
            &label,
            x + 18.0,
            100.0,
            top + 9.0,
            style(Weight::Regular, 7.5, colors::INK),
            Align::Start,
        );
        x += 18.0 + drawn + 14.0;
    }
    pages.y = top + 14.0;
}

/// The map's edges, shapes and labels as page operations: the same layout
/// the SVG is written from, placed at (`left`, `top`) and scaled.
fn map_ops(map: &MapLayout, left: f32, top: f32, scale: f32) -> Vec<Op> {
    let at = |x: f32, y: f32| (left + x * scale, top + y * scale);
    let mut ops = Vec::with_capacity(map.edges.len() + map.nodes.len() * 4);
    for edge in &map.edges {
        let (a, b) = (&map.nodes[edge.a], &map.nodes[edge.b]);
        let ((x1, y1), (x2, y2)) = (at(a.x, a.y), at(b.x, b.y));
        ops.push(Op::Shape {
            path: vec![Cmd::Move(x1, y1), Cmd::Line(x2, y2)],
            paint: Paint::Stroke(lighter(edge.color), edge.width * scale),
        });
    }
    for node in &map.nodes {
        let (fill, stroke) = node_colors(node.kind);
        let shape: Vec<Cmd> = node_shape(node)
            .into_iter()
            .map(|cmd| map_points(cmd, at))
            .collect();
        ops.push(Op::Shape {
            path: shape.clone(),
            paint: Paint::Fill(fill),
        });
        ops.push(Op::Shape {
            path: shape,
            paint: Paint::Stroke(stroke, 1.2 * scale),
        });
        let (bx, by, bw, bh) = node.label_box();
        let (x, y) = at(bx, by);
        ops.push(Op::Shape {
            path: rect_path(x, y, bw * scale, bh * scale, 1.5 * scale),
            paint: Paint::Fill(colors::WHITE),
        });
        let LabelStyle { weight, color, .. } = label_style(node.kind);
        let size = node.label_size * scale;
        let line = fit_line(
            &node.label,
            weight,
            size,
            (node.label_width + 2.0) * scale,
            false,
        );
        let (cx, baseline) = at(node.x, node.label_baseline());
        ops.push(text_op(
            cx - line.width(size) / 2.0,
            baseline,
            style(weight, size, color),
            line,
        ));
    }
    ops
}

/// The edge colour as the SVG shows it at 75 % opacity on white: the PDF
/// paints opaque strokes, so it mixes in the white itself.
fn lighter(color: crate::statement::pictogram::Rgb) -> crate::statement::pictogram::Rgb {
    let mix = |c: u8| ((u16::from(c) * 3 + 255) / 4) as u8;
    crate::statement::pictogram::Rgb(mix(color.0), mix(color.1), mix(color.2))
}
