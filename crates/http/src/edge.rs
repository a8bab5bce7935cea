//! Who is on the other end of a request: the client's address and whether it came over HTTPS.
//! Pelagic usually sits behind a load balancer or reverse proxy, which connects from its own
//! address and says the client's in `X-Forwarded-For`; only proxies an administrator names are
//! believed (anyone could send the header), so throttling counts the real client and cannot be
//! steered by a forged one.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

/// How the server is reached: the proxies trusted to name the client, and whether its public
/// address is HTTPS.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    pub trusted_proxies: Vec<IpNet>,
    /// The public address starts with `https://`: every response is for an HTTPS client.
    pub public_https: bool,
}

impl Edge {
    /// Reads a list of proxies: addresses or networks (`10.0.0.5`, `10.0.0.0/8`, `::1`),
    /// separated by commas or spaces.
    pub fn parse_proxies(list: &str) -> Result<Vec<IpNet>, String> {
        list.split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("'{s}' is not an address or a network such as 10.0.0.0/8"))
            })
            .collect()
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.trusted_proxies.iter().any(|n| n.contains(&ip))
    }

    /// The client behind a connection from `peer` that sent `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> ClientInfo {
        if !self.trusts(peer) {
            return ClientInfo {
                address: peer,
                https: self.public_https,
            };
        }
        // Each proxy appends the address it got the request from; read from the right, the
        // first address that is not one of our proxies is the client.
        let forwarded: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|h| h.to_str().ok())
            .flat_map(|h| h.split(','))
            .filter_map(|a| a.trim().parse().ok())
            .collect();
        let address = forwarded
            .iter()
            .rev()
            .find(|a| !self.trusts(**a))
            .or_else(|| forwarded.first())
            .copied()
            .unwrap_or(peer);
        let proto_https = headers
            .get("x-forwarded-proto")
            .and_then(|h| h.to_str().ok())
            .and_then(|p| p.split(',').next())
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
        ClientInfo {
            address,
            https: self.public_https || proto_https,
        }
    }
}

/// The client of a request, as [`Edge::client`] worked it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientInfo {
    pub address: IpAddr,
    pub https: bool,
}

impl ClientInfo {
    pub fn address_text(&self) -> String {
        self.address.to_string()
    }
}

/// Works out the client of every request once, for handlers and for the security headers.
pub async fn resolve(State(edge): State<Arc<Edge>>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |c| c.0.ip());
    let client = edge.client(peer, req.headers());
    req.extensions_mut().insert(client);
    next.run(req).await
}

impl<S: Send + Sync> FromRequestParts<S> for ClientInfo {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(match parts.extensions.get::<ClientInfo>() {
            Some(c) => *c,
            // Without the `resolve` layer: the connection's own address, believed as it is.
            None => {
                let peer = parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |c| c.0.ip());
                Edge::default().client(peer, &parts.headers)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let edge = Edge {
            trusted_proxies: Edge::parse_proxies("10.0.0.0/8, ::1").unwrap(),
            public_https: false,
        };
        let h = headers(&[
            ("x-forwarded-for", "203.0.113.9, 10.1.2.3"),
            ("x-forwarded-proto", "https"),
        ]);
        let behind = edge.client("10.0.0.5".parse().unwrap(), &h);
        assert_eq!(behind.address, "203.0.113.9".parse::<IpAddr>().unwrap());
        assert!(behind.https);
        let direct = edge.client("198.51.100.7".parse().unwrap(), &h);
        assert_eq!(direct.address, "198.51.100.7".parse::<IpAddr>().unwrap());
        assert!(
            !direct.https,
            "a header from anyone does not make the request HTTPS"
        );
    }

    #[test]
    fn a_client_cannot_hide_behind_an_address_it_writes_itself() {
        let edge = Edge {
            trusted_proxies: Edge::parse_proxies("10.0.0.1").unwrap(),
            public_https: true,
        };
        // The client wrote "1.2.3.4" itself; the proxy appended the address it really saw.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7")]);
        let c = edge.client("10.0.0.1".parse().unwrap(), &h);
        assert_eq!(c.address, "198.51.100.7".parse::<IpAddr>().unwrap());
        assert!(c.https);
    }

    #[test]
    fn a_bad_proxy_list_is_refused() {
        assert!(Edge::parse_proxies("10.0.0.0/8,nonsense").is_err());
    }
}
