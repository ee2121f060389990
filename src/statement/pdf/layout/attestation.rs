//! The pages of an attestation of community engagement: the
//! organisation, the member's own figures, where and when it was signed,
//! a signature line, and how to check it.

use super::*;

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
