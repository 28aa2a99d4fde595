// Drives the fake Slack with Slack's own Node SDK, an implementation independent of the fake's: @slack/web-api's
// WebClient pointed at the fake's Web API (slackApiUrl), and @slack/bolt's isValidSlackRequest on deliveries the fake
// signed. Prints one JSON object per line: {"step": ..., ...}.
// Usage: node slack-sdk-check.mjs <node_modules dir> web <api url> <token> <channel>
//        node slack-sdk-check.mjs <node_modules dir> verify <signing secret> <timestamp> <signature> <body file>
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [modules, mode, ...args] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'check.js'));
const print = (step, value) => console.log(JSON.stringify({ step, ...value }));

if (mode === 'verify') {
  const { isValidSlackRequest } = require('@slack/bolt');
  const [signingSecret, timestamp, signature, bodyFile] = args;
  const body = readFileSync(bodyFile, 'utf8');
  const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) };
  print('verify', { valid: isValidSlackRequest({ signingSecret, body, headers }) });
  print('verify-tampered', { valid: isValidSlackRequest({ signingSecret, body: body + ' ', headers }) });
  print('verify-other-secret', { valid: isValidSlackRequest({ signingSecret: signingSecret + 'x', body, headers }) });
} else {
  const { WebClient, ErrorCode } = require('@slack/web-api');
  const [apiUrl, token, channel] = args;
  const options = { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
  const client = new WebClient(token, options);
  const failure = (e) => ({ code: e.code, error: e.data?.error, retryAfter: e.retryAfter ?? null });

  const auth = await client.auth.test();
  print('auth.test', { ok: auth.ok, user_id: auth.user_id, team_id: auth.team_id, bot_id: auth.bot_id });

  const posted = await client.chat.postMessage({
    channel,
    text: 'Pick one',
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: 'Pick one' } },
      { type: 'actions', block_id: 'choices:entry-1', elements: [
        { type: 'button', action_id: 'choice-0', text: { type: 'plain_text', text: 'Yes' }, value: 'yes' },
        { type: 'button', action_id: 'choice-1', text: { type: 'plain_text', text: 'No' }, value: 'no' },
      ] },
    ],
  });
  print('chat.postMessage', { ok: posted.ok, channel: posted.channel, ts: posted.ts });

  const threaded = await client.chat.postMessage({ channel, text: 'in the thread', thread_ts: posted.ts });
  print('chat.postMessage-thread', { ok: threaded.ok, ts: threaded.ts });

  const uploaded = await client.filesUploadV2({
    channel_id: channel, thread_ts: posted.ts, initial_comment: 'the menu', filename: 'menu.txt', content: 'soup of the day',
  });
  print('filesUploadV2', { ok: uploaded.ok, files: (uploaded.files ?? []).flatMap((f) => f.files ?? [f]).map((f) => f.id) });

  for (const [step, call] of [
    ['channel_not_found', () => client.chat.postMessage({ channel: 'C0DOESNOTEXIST', text: 'x' })],
    ['not_in_channel', () => client.chat.postMessage({ channel: 'C0NOTINVITED', text: 'x' })],
    ['no_text', () => client.chat.postMessage({ channel })],
    ['invalid_blocks', () => client.chat.postMessage({ channel, text: 'x', blocks: [{ type: 'actions', elements: [] }] })],
    ['invalid_auth', () => new WebClient('xoxb-not-the-token', options).auth.test()],
  ]) {
    try {
      await call();
      print(step, { code: null });
    } catch (e) {
      print(step, failure(e));
    }
  }

  let limited = null;
  for (let i = 0; i < 30 && limited === null; i++) {
    try {
      await client.chat.postMessage({ channel, text: `burst ${i}` });
    } catch (e) {
      limited = e;
    }
  }
  print('ratelimited', limited ? { ...failure(limited), isRateLimitCode: limited.code === ErrorCode.RateLimitedError } : { code: null });
}
