//! A browser without scripts for page tests: signs in with the form, keeps the session cookie
//! and the forms' anti-forgery token, fetches pages and submits forms.

use crate::client::Reply;
use crate::{TestApp, urlencode};

/// A signed-in browser: its cookie header and its forms' anti-forgery token.
pub struct Browser {
    pub cookie: String,
    pub csrf: String,
}

impl Browser {
    /// Creates a user with `role` and signs them in with the sign-in form.
    pub async fn sign_in(t: &TestApp, email: &str, role: &str) -> Browser {
        Browser::sign_in_member(t, email, role, None).await.0
    }

    /// Creates a user with `role` in `team` (by name) and signs them in with the sign-in form;
    /// gives the browser and the user's bearer token, for what the test does through the API.
    pub async fn sign_in_member(
        t: &TestApp,
        email: &str,
        role: &str,
        team: Option<&str>,
    ) -> (Browser, String) {
        let token = t.member_token(email, role, team).await;
        let r = sign_in_form(t, email, "correct horse battery staple", None).await;
        assert_eq!(r.status, 303, "signing in: {}", r.text);
        let cookie = r
            .set_cookies
            .iter()
            .filter_map(|c| c.split(';').next())
            .collect::<Vec<_>>()
            .join("; ");
        let csrf = cookie
            .split("; ")
            .find_map(|c| c.strip_prefix("pelagic_csrf="))
            .expect("the anti-forgery cookie")
            .to_owned();
        (Browser { cookie, csrf }, token)
    }

    pub async fn get(&self, t: &TestApp, path: &str) -> Reply {
        t.http
            .send("GET", path, None, &[("cookie", &self.cookie)], vec![])
            .await
    }

    /// Submits a form with the page's token (or none); gives the reply.
    pub async fn submit(
        &self,
        t: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
        with_token: bool,
    ) -> Reply {
        let mut pairs: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect();
        if with_token {
            pairs.push(format!("_csrf={}", self.csrf));
        }
        let headers = [
            ("cookie", self.cookie.as_str()),
            ("content-type", "application/x-www-form-urlencoded"),
        ];
        t.http
            .send("POST", path, None, &headers, pairs.join("&").into_bytes())
            .await
    }

    /// Submits a form with the page's token.
    pub async fn post(&self, t: &TestApp, path: &str, fields: &[(&str, &str)]) -> Reply {
        self.submit(t, path, fields, true).await
    }
}

/// Opens the sign-in page (with the cookies `cookie`, if any) and submits its form with its
/// token, as a browser does; gives the reply to the submission.
pub async fn sign_in_form(t: &TestApp, email: &str, password: &str, cookie: Option<&str>) -> Reply {
    let mut headers = Vec::new();
    if let Some(c) = cookie {
        headers.push(("cookie", c));
    }
    let page = t.http.send("GET", "/login", None, &headers, vec![]).await;
    let token = page
        .text
        .split("name=\"_csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    let mut jar: Vec<String> = cookie.map(|c| vec![c.to_owned()]).unwrap_or_default();
    jar.extend(
        page.set_cookies
            .iter()
            .filter_map(|c| c.split(';').next())
            .map(str::to_owned),
    );
    let jar = jar.join("; ");
    let body = format!(
        "email={}&password={}&_csrf={token}",
        urlencode(email),
        urlencode(password)
    );
    let mut headers = vec![("content-type", "application/x-www-form-urlencoded")];
    if !jar.is_empty() {
        headers.push(("cookie", jar.as_str()));
    }
    t.http
        .send("POST", "/login", None, &headers, body.into_bytes())
        .await
}
