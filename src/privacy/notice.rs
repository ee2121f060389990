//! The privacy notice for members: one page saying what akker keeps about
//! them, why, for how long, who sees it, and how to ask for it or for its
//! erasure, in the member's language (locales/*/privacy.ftl), with the
//! community's own contact.
//!
//! `sections` is the notice as data; the PDF here, the plain text here and
//! the kiosk's page each only lay those sections out, so the three always
//! say the same. The English text is also in docs/privacy-notice.md.

use crate::i18n::{Arg, Messages};
use crate::statement::pdf::layout::{Pages, BODY, CONTENT_WIDTH, SMALL_MUTED};
use crate::statement::pdf::{document, PdfError};

/// Who the notice names, from the ledger's settings.
#[derive(Debug, Clone, Default)]
pub struct NoticeContact {
    pub community: String,
    pub treasurer_name: Option<String>,
    pub treasurer_contact: Option<String>,
    pub organisation_contact: Option<String>,
    /// How long a closed account keeps its name, if the community set it.
    pub retention_months: Option<u32>,
}

/// One part of the notice: a heading and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub body: String,
}

/// The notice's title, in the member's language.
pub fn title(messages: &Messages, contact: &NoticeContact) -> String {
    messages.msg(
        "privacy-notice-title",
        &[("community", Arg::Str(&contact.community))],
    )
}

/// The notice's parts, in reading order.
pub fn sections(messages: &Messages, contact: &NoticeContact) -> Vec<Section> {
    let how_long = match contact.retention_months {
        Some(months) => messages.msg(
            "privacy-notice-how-long-retention",
            &[("months", Arg::Int(i64::from(months)))],
        ),
        None => messages.msg("privacy-notice-how-long-open", &[]),
    };
    let who = match &contact.treasurer_name {
        Some(name) => messages.msg(
            "privacy-notice-treasurer-named",
            &[("name", Arg::Str(name))],
        ),
        None => messages.msg("privacy-notice-treasurer", &[]),
    };
    let reach: Vec<&str> = [&contact.treasurer_contact, &contact.organisation_contact]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let contact_text = if reach.is_empty() {
        messages.msg(
            "privacy-notice-contact-in-person",
            &[("who", Arg::Str(&who))],
        )
    } else {
        messages.msg(
            "privacy-notice-contact-at",
            &[
                ("who", Arg::Str(&who)),
                ("contact", Arg::Str(&reach.join(" · "))),
            ],
        )
    };
    let part = |title: &str, body: String| Section {
        title: messages.msg(title, &[]),
        body,
    };
    vec![
        part(
            "privacy-notice-kept-title",
            messages.msg("privacy-notice-kept", &[]),
        ),
        part(
            "privacy-notice-why-title",
            messages.msg("privacy-notice-why", &[]),
        ),
        part("privacy-notice-how-long-title", how_long),
        part(
            "privacy-notice-who-title",
            messages.msg("privacy-notice-who", &[("who", Arg::Str(&who))]),
        ),
        part(
            "privacy-notice-rights-title",
            messages.msg("privacy-notice-rights", &[]),
        ),
        part("privacy-notice-contact-title", contact_text),
    ]
}

/// The notice as plain text (for `--out -`).
pub fn render_text(messages: &Messages, contact: &NoticeContact) -> String {
    let mut out = title(messages, contact);
    out.push_str("\n\n");
    out.push_str(&messages.msg("privacy-notice-intro", &[]));
    out.push('\n');
    for section in sections(messages, contact) {
        out.push('\n');
        out.push_str(&section.title);
        out.push('\n');
        out.push_str(&section.body);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&messages.msg("privacy-notice-never", &[]));
    out.push('\n');
    out
}

/// The notice as a one-page A4 PDF.
pub fn render_pdf(messages: &Messages, contact: &NoticeContact) -> Result<Vec<u8>, PdfError> {
    let title = title(messages, contact);
    let mut pages = Pages::new(messages, (title.clone(), contact.community.clone()));
    pages.heading(&title, 0.0, CONTENT_WIDTH, 40.0);
    write_paragraph(&mut pages, &messages.msg("privacy-notice-intro", &[]));
    for section in sections(messages, contact) {
        pages.y += 6.0;
        pages.heading(&section.title, 0.0, CONTENT_WIDTH, 30.0);
        write_paragraph(&mut pages, &section.body);
    }
    pages.y += 8.0;
    let never = messages.msg("privacy-notice-never", &[]);
    let lines = pages.wrap(&never, CONTENT_WIDTH, SMALL_MUTED);
    pages.ensure(lines.len() as f32 * 11.0);
    let top = pages.y;
    pages.y = pages.paragraph(lines, 0.0, CONTENT_WIDTH, top, SMALL_MUTED, 11.0);
    let laid_out = pages.finish(&contact.community);
    document(&laid_out, title, messages)
}

fn write_paragraph(pages: &mut Pages<'_>, text: &str) {
    // A blank line in a message starts a new paragraph.
    for part in text.split("\n\n") {
        let lines = pages.wrap(part.trim(), CONTENT_WIDTH, BODY);
        pages.ensure(lines.len() as f32 * 13.5);
        let top = pages.y;
        pages.y = pages.paragraph(lines, 0.0, CONTENT_WIDTH, top, BODY, 13.5) + 4.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message ids of a Fluent source.
    fn ids(source: &str) -> Vec<String> {
        let resource = fluent_bundle::FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("privacy.ftl does not parse: {errors:?}"));
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_privacy_word_in_both_catalogues() {
        let english = ids(include_str!("../../locales/en/privacy.ftl"));
        let sources = [
            ("nl", include_str!("../../locales/nl/privacy.ftl")),
            ("fr", include_str!("../../locales/fr/privacy.ftl")),
            ("tr", include_str!("../../locales/tr/privacy.ftl")),
            ("ar", include_str!("../../locales/ar/privacy.ftl")),
        ];
        for (lang, source) in sources {
            let own = ids(source);
            let missing: Vec<&String> = english.iter().filter(|id| !own.contains(id)).collect();
            assert!(
                missing.is_empty(),
                "locales/{lang}/privacy.ftl lacks {missing:?}"
            );
            let statements = Messages::for_language(lang);
            let kiosk = Messages::kiosk_for_language(lang);
            assert!(english
                .iter()
                .all(|id| statements.has_own_message(id) && kiosk.has_own_message(id)));
        }
    }

    #[test]
    fn the_notice_names_the_contact_and_the_retention_period() {
        let contact = NoticeContact {
            community: "Buurtuur Vorst".into(),
            treasurer_name: Some("Anna".into()),
            treasurer_contact: Some("0470 12 34 56".into()),
            organisation_contact: None,
            retention_months: Some(24),
        };
        let text = render_text(Messages::for_language("en"), &contact);
        assert!(text.starts_with("Your data in Buurtuur Vorst"), "{text}");
        assert!(
            text.contains("the treasurer (Anna): 0470 12 34 56"),
            "{text}"
        );
        assert!(text.contains("24 months after it is closed"), "{text}");
        let nl = render_text(Messages::for_language("nl"), &NoticeContact::default());
        assert!(nl.contains("in het buurthuis"), "{nl}");
        assert!(nl.contains("tot je vraagt om ze te wissen"), "{nl}");
    }
}
