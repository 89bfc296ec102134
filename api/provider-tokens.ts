/**
 * Tokens from the city's OpenID Connect provider: JWT access tokens (RFC 9068, `typ: at+jwt`) issued for the API's
 * audience, checked against the provider's published keys (its discovery document's `jwks_uri`, fetched once and
 * refreshed when a token names a key not seen yet). The provider carries the same claims the API's own tokens do
 * (`name`, `dept`, `district`, `roles`, and `perms` where granted), from the city's staff register.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';

export interface IdentityProviderSettings {
  /** The provider's issuer URL (its discovery document is at `/.well-known/openid-configuration`). */
  issuer: string;
  /** The audience its access tokens for this API carry (the resource indicator the workbench asks for). */
  audience: string;
  /** The workbench's client ID at the provider (a public client: authorization code with PKCE). */
  clientId: string;
}

const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const keySets = new Map<string, Promise<ReturnType<typeof createRemoteJWKSet>>>();

async function discoverKeys(issuer: string): Promise<ReturnType<typeof createRemoteJWKSet>> {
  const response = await fetch(
    new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`),
  );
  if (!response.ok) throw new Error(`the identity provider's discovery document answered ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
  if (!jwksUri) throw new Error("the identity provider's discovery document names no jwks_uri");
  return createRemoteJWKSet(new URL(jwksUri));
}

function providerKeys(issuer: string): Promise<ReturnType<typeof createRemoteJWKSet>> {
  let keys = keySets.get(issuer);
  if (!keys) {
    keys = discoverKeys(issuer);
    // A provider that could not be reached is asked again with the next token, not remembered as unreachable.
    keys.catch(() => keySets.delete(issuer));
    keySets.set(issuer, keys);
  }
  return keys;
}

/** Whether the (not yet verified) token says it is the provider's. */
export function isProviderToken(token: string, provider: IdentityProviderSettings | undefined): boolean {
  if (!provider) return false;
  try {
    return decodeJwt(token).iss === provider.issuer;
  } catch {
    return false;
  }
}

/** The token's verified claims; throws jose's errors as the API's own verification does. */
export async function verifyProviderToken(
  token: string,
  provider: IdentityProviderSettings,
): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, await providerKeys(provider.issuer), {
    algorithms: ALGORITHMS,
    issuer: provider.issuer,
    audience: provider.audience,
    typ: 'at+jwt',
    requiredClaims: ['exp', 'sub', 'iat'],
  });
  return payload;
}
