import assert from 'node:assert/strict';
import { SignJWT, UnsecuredJWT } from 'jose';
import { claimsSchema, signToken, verifyToken, type Claims, type JwtSettings } from '../../api/auth';
import { UnauthorizedError } from '../../api/errors';

const settings: JwtSettings = {
  secret: new TextEncoder().encode('a-test-secret-that-is-long-enough-1234'),
  issuer: 'onething',
  audience: 'onething-api',
  tokenTtl: '1h',
};
const claims: Claims = {
  sub: 'u1',
  name: 'Clerk',
  dept: 'gas-company',
  district: 'jinshui',
  roles: ['clerk'],
};

async function rejected(token: string, message: RegExp): Promise<void> {
  await assert.rejects(verifyToken(token, settings), (error: unknown) => {
    assert.ok(error instanceof UnauthorizedError);
    assert.match(error.message, message);
    return true;
  });
}

function forged(overrides: {
  issuer?: string;
  audience?: string;
  exp?: number | string;
  secret?: Uint8Array;
  payload?: object;
  kid?: string;
  /** When it was issued (seconds since the epoch); now by default. */
  iat?: number;
}) {
  return new SignJWT({
    name: 'Clerk',
    dept: 'gas-company',
    district: 'jinshui',
    roles: ['clerk'],
    ...overrides.payload,
  })
    .setProtectedHeader({ alg: 'HS256', ...(overrides.kid ? { kid: overrides.kid } : {}) })
    .setSubject('u1')
    .setIssuer(overrides.issuer ?? settings.issuer)
    .setAudience(overrides.audience ?? settings.audience)
    .setIssuedAt(overrides.iat)
    .setExpirationTime(overrides.exp ?? '1h')
    .sign(overrides.secret ?? settings.secret);
}

describe('JWT bearer tokens', function () {
  it('a signed token yields the actor', async function () {
    const actor = await verifyToken(await signToken(claims, settings), settings);
    assert.deepEqual(actor, {
      userId: 'u1',
      department: 'gas-company',
      district: 'jinshui',
      roles: ['clerk'],
    });
  });

  it('an enterprise’s token acts for its own credit code, as legal-person, and only an enterprise’s does', async function () {
    const enterprise: Claims = {
      sub: 'e1',
      name: 'E',
      dept: 'enterprise',
      district: 'gaoxin',
      roles: ['legal-person'],
    };
    const actor = await verifyToken(
      await signToken({ ...enterprise, org: '91410100MA0000001X' }, settings),
      settings,
    );
    assert.equal(actor.creditCode, '91410100MA0000001X');
    assert.throws(() => claimsSchema.parse(enterprise), /org/);
    assert.throws(() => claimsSchema.parse({ ...claims, org: '91410100MA0000001X' }), /only then/);
    assert.throws(() => claimsSchema.parse({ ...claims, roles: ['legal-person'] }), /only an enterprise/);
    assert.throws(
      () =>
        claimsSchema.parse({ ...enterprise, org: '91410100MA0000001X', roles: ['legal-person', 'clerk'] }),
      /an enterprise acts as legal-person/,
    );
    await rejected(
      await forged({ payload: { ...enterprise, org: '91410100MA00000018' } }),
      /claims are not valid: org/,
    );
  });

  it('caps a token’s life at the configured lifetime from its issue, however far off its expiry', async function () {
    const now = Math.floor(Date.now() / 1000);
    const tenYears = now + 10 * 365 * 86_400;
    assert.equal((await verifyToken(await forged({ exp: tenYears, iat: now - 60 }), settings)).userId, 'u1');
    await rejected(await forged({ exp: tenYears, iat: now - 2 * 3600 }), /expired/);
  });

  it('refuses alg none', async function () {
    const token = new UnsecuredJWT({ ...claims })
      .setIssuer('onething')
      .setAudience('onething-api')
      .setExpirationTime('1h')
      .encode();
    await rejected(token, /not valid/);
  });

  it('refuses a token signed with another key', async function () {
    await rejected(
      await forged({ secret: new TextEncoder().encode('another-secret-that-is-long-enough-99') }),
      /not valid/,
    );
  });

  it('refuses a token that names an unknown key id, even if signed with our key', async function () {
    await rejected(await forged({ kid: 'someone-elses-key' }), /unknown key id/);
    await rejected('not-a-jwt', /not valid/);
  });

  it('refuses an expired token', async function () {
    await rejected(await forged({ exp: Math.floor(Date.now() / 1000) - 60 }), /expired/);
  });

  it('refuses the wrong issuer or audience', async function () {
    await rejected(await forged({ issuer: 'someone-else' }), /"iss"/);
    await rejected(await forged({ audience: 'another-api' }), /"aud"/);
  });

  it('refuses unknown departments, districts and roles', async function () {
    await rejected(await forged({ payload: { dept: 'tax-bureau' } }), /claims are not valid: dept/);
    await rejected(await forged({ payload: { district: 'beijing' } }), /claims are not valid: district/);
    await rejected(await forged({ payload: { roles: ['root'] } }), /claims are not valid: roles/);
  });
});
