//! The admin UI: server-rendered pages, one handler module per area.

use crate::http::routes::Routes;

/// Every UI route. Tests walk this table, so a route added here is covered automatically.
pub fn routes(r: Routes) -> Routes {
    use crate::account::pages as a;
    use crate::account::reset;
    use crate::account::settings as account;
    use crate::account::two_factor as tf;
    use crate::dashboards::pages as dashboard;
    use crate::dashboards::segments as dashboard_segments;
    use crate::invitations::pages as invitations;
    use crate::journeys::pages as j;
    use crate::people::pages as p;
    use crate::personas::pages as ps;
    use crate::respond::pages as rs;
    use crate::respond::pages::on::{Embed, Hosted, Kiosk};
    use crate::surveys::pages as s;
    let r = crate::voc::pages::routes(r);
    let r = crate::changes::routes(r);
    let r = crate::coaching::routes(r);
    let r = crate::cases::routes(r);
    let r = crate::conversations::routes(r);
    let r = crate::lifecycle::routes(r);
    let r = crate::timeline::routes(r);
    let r = crate::alerts::routes(r);
    let r = crate::webhooks::routes(r);
    let r = crate::sites::routes(r);
    let r = crate::articles::routes(r);
    let r = crate::inbox::routes(r);
    let r = crate::bot::routes(r);
    let r = crate::chat::routes(r);
    let r = crate::signals::routes(r);
    let r = crate::mentions::routes(r);
    let r = crate::audit::routes(r);
    let r = crate::privacy::routes(r);
    let r = crate::mail_in::routes(r);
    let r = crate::events::routes(r);
    let r = crate::webstats::routes(r);
    let r = crate::contact::routes(r);
    crate::feature_requests::routes(r)
        .get("/", a::home)
        .get("/setup", a::setup_form)
        .post("/setup", a::setup)
        .get("/login", a::login_form)
        .post("/login", a::login)
        .post("/logout", a::logout)
        .get("/forgot-password", reset::forgot_form)
        .post("/forgot-password", reset::forgot)
        .get("/reset/{token}", reset::reset_form)
        .post("/reset/{token}", reset::reset)
        .get("/account", account::page)
        .post("/account", account::save_profile)
        .post("/account/password", account::change_password)
        .post("/account/sessions/{id}/delete", account::sign_out_session)
        .post("/account/sign-out-others", account::sign_out_others)
        .get("/sign-in/oidc", crate::account::oidc::begin)
        .get("/sign-in/oidc/callback", crate::account::oidc::callback)
        .get("/sign-in/code", tf::code_form)
        .post("/sign-in/code", tf::code)
        .get("/account/two-factor", tf::page)
        .post("/account/two-factor/begin", tf::begin)
        .post("/account/two-factor/confirm", tf::confirm)
        .post("/account/two-factor/disable", tf::disable)
        .get("/w/{slug}/two-factor", tf::workspace_page)
        .post("/w/{slug}/two-factor", tf::save_workspace)
        .get("/w/{slug}", j::list)
        .get("/w/{slug}/dashboard", dashboard::overview)
        .get("/w/{slug}/dashboard.csv", dashboard::overview_csv)
        .get("/w/{slug}/dashboard/segments", dashboard_segments::segments)
        .get(
            "/w/{slug}/dashboard/segments.csv",
            dashboard_segments::segments_csv,
        )
        .get(
            "/w/{slug}/dashboard/touchpoints/{id}",
            dashboard::touchpoint,
        )
        .get(
            "/w/{slug}/dashboard/touchpoints/{id}/export.csv",
            dashboard::touchpoint_csv,
        )
        .get("/w/{slug}/journeys/new", j::new_form)
        .post("/w/{slug}/journeys", j::create)
        .get("/w/{slug}/journeys/{id}", j::map)
        .post("/w/{slug}/journeys/{id}", j::update_details)
        .get("/w/{slug}/journeys/{id}/edit", j::edit)
        .get("/w/{slug}/journeys/{id}/map.svg", j::map_svg)
        .get("/w/{slug}/journeys/{id}/export", j::export)
        .post("/w/{slug}/journeys/{id}/delete", j::delete)
        .post("/w/{slug}/journeys/{id}/undelete", j::undelete)
        .post("/w/{slug}/journeys/{id}/stages", j::add_stage)
        .post("/w/{slug}/journeys/{id}/stages/{stage}", j::update_stage)
        .post("/w/{slug}/journeys/{id}/stages/{stage}/move", j::move_stage)
        .post(
            "/w/{slug}/journeys/{id}/stages/{stage}/delete",
            j::delete_stage,
        )
        .post("/w/{slug}/journeys/{id}/touchpoints", j::add_touchpoint)
        .post(
            "/w/{slug}/journeys/{id}/touchpoints/{tp}",
            j::update_touchpoint,
        )
        .post(
            "/w/{slug}/journeys/{id}/touchpoints/{tp}/delete",
            j::delete_touchpoint,
        )
        .get("/w/{slug}/journeys/{id}/revisions", j::revisions)
        .get("/w/{slug}/journeys/{id}/revisions/{version}", j::revision)
        .post(
            "/w/{slug}/journeys/{id}/revisions/{version}/restore",
            j::restore,
        )
        .post("/w/{slug}/journeys/{id}/revisions/{version}/undo", j::undo)
        .get("/w/{slug}/personas", ps::personas)
        .get("/w/{slug}/personas/new", ps::new_persona)
        .post("/w/{slug}/personas", ps::create_persona)
        .get("/w/{slug}/personas/{id}", ps::edit_persona)
        .post("/w/{slug}/personas/{id}", ps::update_persona)
        .post("/w/{slug}/personas/{id}/delete", ps::delete_persona)
        .get("/w/{slug}/members", p::members)
        .post("/w/{slug}/members", p::add_member)
        .post("/w/{slug}/members/{id}", p::set_role)
        .post("/w/{slug}/members/{id}/delete", p::remove_member)
        .get("/w/{slug}/tokens", p::tokens)
        .post("/w/{slug}/tokens", p::create_token)
        .post("/w/{slug}/tokens/{id}/delete", p::revoke_token)
        .get("/w/{slug}/surveys", s::list)
        .get("/w/{slug}/surveys/new", s::new_form)
        .post("/w/{slug}/surveys", s::create)
        .get("/w/{slug}/surveys/{id}", s::edit)
        .post("/w/{slug}/surveys/{id}", s::update)
        .post("/w/{slug}/surveys/{id}/publish", s::publish)
        .post("/w/{slug}/surveys/{id}/suggest", s::suggest)
        .post("/w/{slug}/surveys/{id}/delete", s::delete)
        .get("/w/{slug}/surveys/{id}/preview", s::preview)
        .get("/w/{slug}/surveys/{id}/invite", invitations::form)
        .post("/w/{slug}/surveys/{id}/invite", invitations::send)
        .get("/w/{slug}/surveys/{id}/export.csv", s::export_csv)
        .get("/w/{slug}/surveys/{id}/export.json", s::export_json)
        // Public survey pages: respondents need no sign-in.
        .get("/s/{public_id}", rs::show::<Hosted>)
        .post("/s/{public_id}", rs::submit::<Hosted>)
        .get("/k/{public_id}", rs::show::<Kiosk>)
        .post("/k/{public_id}", rs::submit::<Kiosk>)
        .get("/k/{public_id}/r/{response_id}", rs::follow_up::<Kiosk>)
        .post("/k/{public_id}/r/{response_id}", rs::answer::<Kiosk>)
        .get("/k/{public_id}/r/{response_id}/thanks", rs::thanks::<Kiosk>)
        .get("/s/{public_id}/r/{response_id}", rs::follow_up::<Hosted>)
        .post("/s/{public_id}/r/{response_id}", rs::answer::<Hosted>)
        .get(
            "/s/{public_id}/r/{response_id}/thanks",
            rs::thanks::<Hosted>,
        )
        .get("/widget/{script}", rs::widget_script)
        .get("/i/{token}", rs::invitation)
        .post("/i/{token}", rs::invitation_submit)
        .get("/i/{token}/{score}", rs::invitation_score)
        .get("/u/{token}", rs::unsubscribe_page)
        .post("/u/{token}", rs::unsubscribe)
        .get("/e/{public_id}", rs::show::<Embed>)
        .post("/e/{public_id}", rs::submit::<Embed>)
        .get("/e/{public_id}/r/{response_id}", rs::follow_up::<Embed>)
        .post("/e/{public_id}/r/{response_id}", rs::answer::<Embed>)
        .get("/e/{public_id}/r/{response_id}/thanks", rs::thanks::<Embed>)
}
