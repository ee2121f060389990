//! The privacy notice screen.

use axum::response::Response;
use maud::html;

use crate::privacy::notice::{self, NoticeContact};

use super::super::server::{App, Visit};
use super::super::text::LANGUAGES;
use super::{big_link, layout, Frame};

pub fn notice(app: &App, visit: &Visit, contact: &NoticeContact) -> Response {
    let frame = Frame::new(app, visit);
    let m = frame.m.shared();
    let title = notice::title(m, contact);
    let content = html! {
        section class="privacy-notice" {
            h1 { (title) }
            nav class="privacy-languages" {
                @for (lang, name) in LANGUAGES {
                    a class="btn btn-secondary" href=(format!("/privacy/{}", lang.code())) lang=(lang.code()) { (name) }
                }
            }
            p { (m.msg("privacy-notice-intro", &[])) }
            @for section in notice::sections(m, contact) {
                h2 { (section.title) }
                p { (section.body) }
            }
            p class="hint" { (m.msg("privacy-notice-never", &[])) }
            div class="actions" { (big_link("/", "back", &frame.t("back"), "btn-secondary")) }
        }
    };
    layout(&frame, &title, "privacy", content)
}
