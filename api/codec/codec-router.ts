/**
 * The codec server of the Temporal Web UI and CLI (`/codec/encode`, `/codec/decode`, also under
 * `/codec/{namespace}/…` for the CLI's templated endpoint). Only supervisors and auditors may use it, only for
 * the platform's namespace, only from the Web UI's origin; every use is written to the audit log.
 */
import { Router, json, urlencoded, type Request, type RequestHandler } from 'express';
import cors from 'cors';
import type { PayloadCodec } from '@temporalio/common';
import type { AuditLogPort } from '../../activities/adapters/audit-log/port';
import type { Actor } from '../../workflows/definitions';
import { authorize, verifyToken, type JwtSettings } from '../auth';
import { ForbiddenError, HttpError, ValidationError } from '../errors';
import { parse } from '../validation';
import {
  clearSessionCookie,
  codecActor,
  CODEC_PATH,
  CODEC_ROLES,
  sessionSchema,
  setSessionCookie,
  type CookiePolicy,
} from './codec-session';
import { fromPayloadsJson, payloadsJsonSchema, toPayloadsJson } from './payloads-json';
import { signedInPage, signedOutPage, signInPage } from './sign-in-page';

export interface CodecServerSettings {
  payloadCodec: PayloadCodec;
  /** The one Temporal namespace whose payloads this server may decode. */
  namespace: string;
  /** Origins allowed to call from a browser: the Temporal Web UI's. */
  allowedOrigins: readonly string[];
  /** The endpoint as the Web UI should be told it (printed on the signed-in page). */
  publicEndpoint: string;
  cookie: CookiePolicy;
  bodyLimit: string;
}

export interface CodecServerDeps {
  codec: CodecServerSettings;
  jwt: JwtSettings;
  auditLog: Pick<AuditLogPort, 'record'>;
}

export class UndecryptablePayloadError extends HttpError {
  constructor() {
    super(422, 'undecryptable-payload', 'a payload failed authentication or names an unknown key');
  }
}

function namespaceOf(req: Request): string {
  const fromPath = (req.params as { namespace?: string }).namespace;
  const fromHeader = req.headers['x-namespace'];
  const namespace = fromPath ?? (typeof fromHeader === 'string' ? fromHeader : undefined);
  if (!namespace) throw new ValidationError([{ field: 'X-Namespace', rule: 'header is required' }]);
  return namespace;
}

export function codecRouter({ codec, jwt, auditLog }: CodecServerDeps): Router {
  const router = Router();
  // No Origin header: not a browser (the CLI, scripts); those are judged by their token alone.
  const originAllowed = (origin: string | undefined) => !origin || codec.allowedOrigins.includes(origin);
  const corsPolicy = cors({
    origin: (origin, callback) => callback(null, originAllowed(origin)),
    credentials: true,
    methods: ['POST'],
    allowedHeaders: ['Content-Type', 'X-Namespace', 'Authorization', 'Authorization-Extras'],
    maxAge: 600,
  });
  const refuseForeignOrigin: RequestHandler = (req, _res, next) => {
    next(originAllowed(req.headers.origin) ? undefined : new ForbiddenError('origin not allowed'));
  };

  const audit = (actor: Actor, action: string, outcome: 'allowed' | 'refused', reason: string, n = 0) =>
    auditLog.record({ actor, action, outcome, reason, details: { payloads: n } });

  for (const operation of ['encode', 'decode'] as const) {
    const handler = json({ limit: codec.bodyLimit });
    router.options([`${CODEC_PATH}/${operation}`, `${CODEC_PATH}/:namespace/${operation}`], corsPolicy);
    router.post(
      [`${CODEC_PATH}/${operation}`, `${CODEC_PATH}/:namespace/${operation}`],
      corsPolicy,
      refuseForeignOrigin,
      handler,
      async (req, res) => {
        const actor = await codecActor(req, jwt);
        try {
          authorize(actor, { roles: CODEC_ROLES });
          if (namespaceOf(req) !== codec.namespace) {
            throw new ForbiddenError(`this codec server serves only the namespace ${codec.namespace}`);
          }
        } catch (error) {
          if (error instanceof ForbiddenError)
            await audit(actor, `codec:${operation}`, 'refused', error.message);
          throw error;
        }
        const payloads = fromPayloadsJson(parse(payloadsJsonSchema, req.body));
        let converted;
        try {
          converted =
            operation === 'encode'
              ? await codec.payloadCodec.encode(payloads)
              : await codec.payloadCodec.decode(payloads);
        } catch {
          await audit(actor, `codec:${operation}`, 'refused', 'undecryptable payload', payloads.length);
          throw new UndecryptablePayloadError();
        }
        await audit(actor, `codec:${operation}`, 'allowed', `role ${actor.roles.join(',')}`, payloads.length);
        res.json(toPayloadsJson(converted));
      },
    );
  }

  router.get(`${CODEC_PATH}/sign-in`, (_req, res) => {
    res.type('html').send(signInPage());
  });
  router.post(`${CODEC_PATH}/session`, urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    const { token } = parse(sessionSchema, req.body);
    const actor = await verifyToken(token, jwt);
    authorize(actor, { roles: CODEC_ROLES });
    setSessionCookie(res, token, codec.cookie);
    res.type('html').send(signedInPage(actor.userId, codec.publicEndpoint));
  });
  router.post(`${CODEC_PATH}/session/sign-out`, (_req, res) => {
    clearSessionCookie(res, codec.cookie);
    res.type('html').send(signedOutPage());
  });
  return router;
}
