/**
 * No one decides outside the API: an Update sent straight to Temporal, as anyone who reaches the server could
 * (Web UI, CLI, SDK), in plaintext, under another key, or sealed for another case's scope, is refused by the
 * worker before the workflow sees it, and the case is as it was. A start sent the same way fails at once.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { FAILURE_CONVERTER_PATH } from '../../platform/codec/data-converter';
import { AesGcmPayloadCodec, parseKeyRing } from '../../platform/codec/payload-codec';
import { DECISION_REFUSALS } from '../../workflows/definitions';
import { petitionUpdates, type PetitionCaseState } from '../../processes/petitions/workflow/contract';
import { petitionCaseStart } from '../../processes/petitions/workflow/starts';
import { FOREIGN_PAYLOAD_REFUSAL } from '../../workflows/kit/refuse-foreign-payloads';
import { TEST_PAYLOAD_KEYS } from '../helpers/temporal';
import { useTimeSkippingSuite } from '../helpers/workflow-suite';
import {
  petitionActors as actors,
  routeStreetLightsToUrbanManagement,
  startPetition,
  type PetitionDriver,
} from './petition-helpers';

const J = 'jinshui' as const;
const URBAN = actors.handler('urban-management', J);
const platformCodec = new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS);

/**
 * A forger's client: what it sends is encoded by `forge`; what comes back is read with the platform's key, only
 * so that the test can tell the worker's refusal from any other failure.
 */
function forgersClient(
  client: Client,
  forge: (payloads: Payload[], context?: SerializationContext) => Promise<Payload[]>,
): Client {
  const codec: PayloadCodec = {
    encode: forge,
    decode: (payloads, context) => platformCodec.decode(payloads, context),
  };
  return new Client({
    connection: client.connection,
    namespace: client.options.namespace,
    dataConverter: { payloadCodecs: [codec], failureConverterPath: FAILURE_CONVERTER_PATH },
  });
}

const FORGERIES: Record<string, (payloads: Payload[], context?: SerializationContext) => Promise<Payload[]>> =
  {
    plaintext: (payloads) => Promise.resolve(payloads),
    'another key': (payloads, context) =>
      new AesGcmPayloadCodec(
        parseKeyRing(`${TEST_PAYLOAD_KEYS.activeKeyId}:${randomBytes(32).toString('base64')}`),
      ).encode(payloads, context),
    // The platform's own key, sealed for a case in erqi: a payload copied out of another district's history.
    'another case’s scope': (payloads) =>
      platformCodec.encode(payloads, {
        type: 'workflow',
        namespace: 'default',
        workflowId: 'petition:erqi:XT-COPIED',
      }),
  };

describe('forged payloads sent straight to Temporal (time-skipping server, Postgres adapters)', function () {
  this.timeout(120_000);
  const suite = useTimeSkippingSuite('forged');
  before(() => routeStreetLightsToUrbanManagement(suite.adapters));

  const awaitingAcceptance = async (): Promise<{ c: PetitionDriver; before: PetitionCaseState }> => {
    const c = await startPetition(suite.env, suite.adapters, suite.taskQueue);
    const before = await c.waitForStage(
      'awaiting-acceptance',
      20_000,
      (s) => s.openTask?.kind === 'acceptance',
    );
    return { c, before };
  };
  const updateEventsOf = async (c: PetitionDriver) =>
    (await c.handle.fetchHistory()).events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
      .length;

  for (const [forgery, forge] of Object.entries(FORGERIES)) {
    it(`an accept Update with ${forgery}: refused, nothing in history, the case unchanged`, async function () {
      const { c, before } = await awaitingAcceptance();
      const forger = forgersClient(suite.env.client, forge);
      const update = forger.workflow
        .getHandle(c.caseId)
        .executeUpdate(petitionUpdates.accept, { args: [{ actor: URBAN }] });
      const error = await update.then(
        () => assert.fail('the forged decision was accepted'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof WorkflowUpdateFailedError, String(error));
      const cause = error.cause as { type?: string; message?: string };
      assert.equal(cause.type, DECISION_REFUSALS.forbidden);
      assert.match(
        cause.message ?? '',
        /update accept refused: a payload (was|could not).*through the OneThing API only/,
      );
      assert.deepEqual(await c.state(), before);
      assert.equal(await updateEventsOf(c), 0);

      // The same decision through the platform's own client still counts: the case was not wedged.
      await c.act('accept', { actor: URBAN });
      await c.waitForStage('handling');
    });
  }

  it('a start in plaintext fails at once and runs no department’s activity', async function () {
    const start = petitionCaseStart({
      petitionRef: `FORGED-${process.pid}`,
      channel: 'app',
      category: 'public-facilities',
      kind: 'help',
      district: J,
      receivedAt: new Date(await suite.env.currentTimeMs()).toISOString(),
      startedBy: actors.officeClerk(J),
    });
    const forger = forgersClient(suite.env.client, FORGERIES.plaintext!);
    const handle = await forger.workflow.start(start.workflowType, {
      workflowId: start.workflowId,
      taskQueue: suite.taskQueue,
      args: [start.input],
    });
    const failure = await handle.result().then(
      () => assert.fail('the forged start ran'),
      (e: { cause?: { type?: string; message?: string } }) => e.cause,
    );
    assert.equal(failure?.type, FOREIGN_PAYLOAD_REFUSAL);
    assert.match(
      failure?.message ?? '',
      /start refused: a payload was not encrypted with the platform’s keys/,
    );
    const events = (await handle.fetchHistory()).events!;
    assert.ok(
      !events.some((e) => e.activityTaskScheduledEventAttributes),
      'an activity ran for a forged start',
    );
  });
});
