//! The pages of a monthly statement: header, balance panel, the month's
//! lines with a running balance, totals and chart, limits, contributors,
//! how to question a line, and the verification box. One file because it
//! is one flow: each block is placed under the one before, on the same
//! `Pages`, in the order the member reads them.

use super::*;

/// All pages of a statement.
pub fn statement_pages(statement: &Statement, messages: &Messages) -> Laid {
    let month = messages.fmt_month(statement.year, statement.month);
    let mut pages = Pages::new(messages, (statement.display_name.clone(), month.clone()));
    statement_header(&mut pages, statement, &month);
    balance_panel(&mut pages, statement);
    // What asks for action comes right under the balance: a soft limit
    // passed, and requests waiting for this member's answer.
    super::notices::soft_notice(&mut pages, statement);
    super::notices::waiting_on_you(&mut pages, statement);
    // The summary comes before the details: a reader who only looks at
    // pictures and numbers gets everything that matters on page one.
    totals_and_chart(&mut pages, statement);
    lines_table(&mut pages, statement);
    super::notices::limits_detail(&mut pages, statement);
    super::notices::your_requests(&mut pages, statement);
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
                &policy_labels::line_kind(m, line),
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
        if let Some(pictogram) = policy_labels::line_pictogram(line) {
            pages.picto(pictogram, COL_KIND.0, top + ROW_PAD - 1.0, 15.0);
        }
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
    pages.y = bottom;
    super::notices::apart_rows(pages, statement, HALF)
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
    for soft in policy_labels::soft_limit_lines(m, statement) {
        pages.text(
            &soft,
            RIGHT_X,
            HALF,
            pages.y + 8.0,
            sentence_style,
            Align::Start,
        );
        pages.y += 11.0;
    }
    if !policy_labels::soft_limit_lines(m, statement).is_empty() {
        pages.y += 3.0;
    }
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
