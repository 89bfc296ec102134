/**
 * Signing in through the city's OpenID Connect provider: the authorization code flow with PKCE (oauth4webapi), the
 * workbench a public client. The access token it ends with is what the page sends to /v1; the API checks it against
 * the provider's keys.
 */
import * as oauth from 'oauth4webapi';

export interface IdentityProvider {
  issuer: string;
  audience: string;
  clientId: string;
}

const PENDING = 'onething-workbench-sign-in';

interface Pending {
  codeVerifier: string;
  state: string;
}

const redirectUri = () => `${window.location.origin}/workbench/`;

/** A provider on this machine may be reached over plain HTTP (development and tests); the API refuses one in production. */
const requestOptions = (issuer: URL) =>
  issuer.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(issuer.hostname)
    ? { [oauth.allowInsecureRequests]: true }
    : {};

async function authorizationServer(provider: IdentityProvider): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(provider.issuer);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(issuer) });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Leaves for the provider's sign-in page. */
export async function startProviderSignIn(provider: IdentityProvider): Promise<void> {
  const server = await authorizationServer(provider);
  const pending: Pending = {
    codeVerifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(server.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid',
    resource: provider.audience,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
  }).toString();
  window.location.assign(url);
}

/** Whether the page was opened by the provider's redirect back (`?code=…&state=…`, or `?error=…`). */
export const isProviderCallback = (): boolean => /[?&](code|error)=/.test(window.location.search);

/** Exchanges the code the provider sent back for an access token; the URL is cleaned either way. */
export async function finishProviderSignIn(provider: IdentityProvider): Promise<string> {
  const callback = new URL(window.location.href);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING);
  if (!pending) throw new Error('登录请求已失效，请重新登录');
  const server = await authorizationServer(provider);
  const client: oauth.Client = { client_id: provider.clientId };
  const parameters = oauth.validateAuthResponse(server, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    parameters,
    redirectUri(),
    pending.codeVerifier,
    { additionalParameters: { resource: provider.audience }, ...requestOptions(new URL(provider.issuer)) },
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response);
  return result.access_token;
}
