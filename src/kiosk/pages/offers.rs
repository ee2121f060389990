//! The board of offers and requests, and the form to add one's own.

use axum::response::Response;
use maud::{html, Markup};

use crate::store::offers::{Direction, OfferRow};

use super::super::server::{App, Visit};
use super::super::session::Notice;
use super::super::view::BoardView;
use super::pay::work_tiles;
use super::{big_link, layout, picto, sentences, work_label, work_picto, Frame};

pub fn board(app: &App, visit: &Visit, view: &BoardView) -> Response {
    let m = visit.messages(app);
    let notice = match view.notice {
        Some(Notice::OfferSaved) => Some(m.t("offers-saved")),
        Some(Notice::OfferWithdrawn) => Some(m.t("offers-withdrawn")),
        _ => None,
    };
    let say = match &notice {
        Some(notice) => sentences(&[notice, &m.t("btn-offers")]),
        None => sentences(&[&m.t("btn-offers")]),
    };
    let frame = Frame::new(app, visit)
        .member(&visit.session.member_name)
        .say(say);
    let content = html! {
        h1 { (picto("offers")) span { (m.t("btn-offers")) } }
        @if let Some(text) = notice { p class="notice notice-good" role="status" { (picto("check")) span { (text) } } }
        div class="actions" data-main { (big_link("/offers/new", "plus", &m.t("offers-add"), "btn-primary")) }
        div class="board" {
            @for (direction, title, icon) in [(Direction::Offer, "offers-offered", "offer"), (Direction::Request, "offers-asked", "request")] {
                section class=(format!("board-col board-{direction}")) {
                    h2 { (picto(icon)) span { (m.t(title)) } }
                    (offer_list(&frame, view, direction))
                }
            }
        }
        div class="actions" { (big_link("/home", "back", &m.t("back"), "btn-secondary")) }
    };
    layout(&frame, &m.t("btn-offers"), "offers", content)
}

fn offer_list(frame: &Frame, view: &BoardView, direction: Direction) -> Markup {
    let m = frame.m;
    let rows: Vec<&OfferRow> = view
        .offers
        .iter()
        .filter(|o| o.direction == direction)
        .collect();
    html! {
        @if rows.is_empty() { p class="empty" { (m.t("offers-none")) } }
        ul class="offers" {
            @for offer in rows {
                li class="offer" {
                    (work_picto(Some(offer.work)))
                    div class="offer-body" {
                        p class="offer-what" { (offer.what) }
                        p class="offer-who" {
                            (picto("person"))
                            span { (offer.display_name.clone().unwrap_or_else(|| offer.account.to_string())) }
                            " · " span { (work_label(m, Some(offer.work))) }
                        }
                    }
                    @if offer.account != view.me && direction == Direction::Request {
                        // The owner needed this help: the one who gave it
                        // asks them for the hours.
                        form method="post" action="/ask/person" class="helped" data-once {
                            (frame.csrf())
                            input type="hidden" name="payer" value=(offer.account);
                            input type="hidden" name="offer" value=(offer.id);
                            button type="submit" class="btn btn-small btn-primary" { (picto("ask")) span { (m.t("offers-i-helped")) } }
                        }
                    }
                    @if offer.account == view.me {
                        form method="post" action="/offers/withdraw" class="withdraw" data-once {
                            (frame.csrf())
                            input type="hidden" name="id" value=(offer.id);
                            button type="submit" class="btn btn-small btn-secondary" { (picto("remove")) span { (m.t("offers-withdraw")) } }
                        }
                    }
                }
            }
        }
    }
}

pub fn new_offer(app: &App, visit: &Visit) -> Response {
    let m = visit.messages(app);
    let frame = Frame::new(app, visit)
        .member(&visit.session.member_name)
        .say(sentences(&[&m.t("offers-add"), &m.t("offers-what")]));
    let m = frame.m;
    let content = html! {
        h1 { (picto("offers")) span { (m.t("offers-add")) } }
        form method="post" action="/offers/new" class="new-offer" data-once {
            (frame.csrf())
            div class="tiles direction-tiles" role="radiogroup" {
                @for (value, label, icon) in [("offer", "offers-i-offer", "offer"), ("request", "offers-i-ask", "request")] {
                    label class="tile" {
                        input type="radio" name="direction" value=(value) required;
                        span class="tile-body" { (picto(icon)) span class="tile-label" { (m.t(label)) } }
                    }
                }
            }
            h2 { (m.t("pay-kind")) }
            (work_tiles(m, None))
            label class="field" {
                span { (m.t("offers-what")) }
                input type="text" name="what" maxlength="100" required autocomplete="off" inputmode="none" data-osk;
            }
            div class="actions" {
                a class="btn btn-secondary" href="/offers" { (picto("back")) span { (m.t("back")) } }
                button type="submit" class="btn btn-primary" data-main { (picto("check")) span { (m.t("save")) } }
            }
        }
    };
    layout(&frame, &m.t("offers-add"), "offers-new", content)
}
