/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) started in the test, standing
 * in for the city's: it signs staff in (its development login page takes any account name), and issues JWT access
 * tokens for the API's audience that carry the staff register's claims (`name`, `dept`, `district`, `roles`).
 */
import type { Server } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import type { Claims } from '../../api/auth';
import type { IdentityProviderSettings } from '../../api/provider-tokens';
import { freePort } from '../../scripts/lib/free-port';

export type StaffRegister = Record<string, Omit<Claims, 'sub'>>;

export interface RunningIdentityProvider {
  settings: IdentityProviderSettings;
  close(): Promise<void>;
}

export async function startIdentityProvider(
  staff: StaffRegister,
  redirectUri: string,
): Promise<RunningIdentityProvider> {
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://127.0.0.1:${await freePort()}`;
  const settings = { issuer, audience: 'urn:onething:api', clientId: 'onething-workbench' };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: settings.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'city-idp-1' }] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600 },
    clientBasedCORS: (_ctx, origin) => origin === new URL(redirectUri).origin,
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => settings.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid',
          audience: settings.audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    findAccount: (_ctx, accountId) =>
      staff[accountId] ? { accountId, claims: () => ({ sub: accountId }) } : undefined,
    extraTokenClaims: (_ctx, token) => {
      const accountId = (token as { accountId?: string }).accountId;
      return accountId && staff[accountId] ? { ...staff[accountId] } : undefined;
    },
  });
  provider.proxy = false;
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(Number(new URL(issuer).port), '127.0.0.1', () => resolve(listening));
  });
  return {
    settings,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
