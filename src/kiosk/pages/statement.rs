//! My statement: this month so far, on screen and on paper.

use axum::response::Response;
use maud::html;

use super::super::routes::statement::StatementView;
use super::super::server::{App, Visit};
use super::super::text::Arg;
use super::home::exchange_list;
use super::{big_link, layout, picto, work_label, work_picto, Frame};

pub fn statement(app: &App, visit: &Visit, view: &StatementView) -> Response {
    let frame = Frame::new(app, visit).member(&view.me.name);
    let m = frame.m;
    let month = m.fmt_month(view.month.year, view.month.month);
    let content = html! {
        h1 { (picto("statement")) span { (m.t("btn-statement")) } }
        p class="statement-month" { (m.msg("statement-month", &[("month", Arg::Str(&month))])) }
        p class="statement-who" { (view.me.name) " · " span dir="ltr" { (view.me.id) } }
        table class="statement-sums" {
            tr { th { (m.t("statement-opening")) } td dir="ltr" { (m.fmt_amount(view.opening_minor)) } }
            tr { th { (m.t("statement-now")) } td dir="ltr" class="strong" { (m.fmt_amount(view.me.balance_minor)) } }
        }
        h2 { (m.t("statement-lines")) }
        (exchange_list(m, &view.lines))
        h2 { (m.t("statement-totals")) }
        table class="statement-totals" {
            tr { th {} th { (m.t("statement-given")) } th { (m.t("statement-received")) } }
            @for (work, given, received) in &view.totals {
                tr {
                    th { (work_picto(Some(*work))) span { (work_label(m, Some(*work))) } }
                    td dir="ltr" { (m.fmt_amount(*given)) }
                    td dir="ltr" { (m.fmt_amount(*received)) }
                }
            }
        }
        div class="actions no-print" {
            (big_link("/home", "back", &m.t("back"), "btn-secondary"))
            button type="button" class="btn btn-primary" data-print { (picto("print")) span { (m.t("statement-print")) } }
        }
    };
    layout(&frame, &m.t("btn-statement"), "statement", content)
}
