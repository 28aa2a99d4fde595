// Drives FakeLine with LINE's own Node.js SDK (@line/bot-sdk), an implementation of the Messaging API independent of the
// connector and of the fake: node line-sdk-check.mjs <node_modules folder> <input.json>. Each step prints "ok <name>" or
// "fail <name>: <why>"; the exit code is the number of failures. LineSdkTests runs it and reads the lines.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [modules, inputPath] = process.argv.slice(2);
const require = createRequire(join(modules, "noop.js"));
const { messagingApi, validateSignature, HTTPFetchError } = require("@line/bot-sdk");
const input = JSON.parse(readFileSync(inputPath, "utf8"));

let failures = 0;
async function step(name, body) {
  try {
    const why = await body();
    if (why) {
      failures++;
      console.log(`fail ${name}: ${why}`);
    } else {
      console.log(`ok ${name}`);
    }
  } catch (error) {
    failures++;
    console.log(`fail ${name}: ${error?.status ?? ""} ${error?.body ?? error?.message ?? error}`);
  }
}

async function refused(call, status, check) {
  try {
    await call();
    return `expected ${status}, the call succeeded`;
  } catch (error) {
    if (!(error instanceof HTTPFetchError)) return `expected an HTTPFetchError, got ${error}`;
    if (error.status !== status) return `expected ${status}, got ${error.status} ${error.body}`;
    return check ? check(error) : undefined;
  }
}

const client = new messagingApi.MessagingApiClient({ channelAccessToken: input.token, baseURL: input.api });
const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: input.token, baseURL: input.data });
const intruder = new messagingApi.MessagingApiClient({ channelAccessToken: "not-the-token", baseURL: input.api });
const text = (t) => ({ type: "text", text: t });

await step("signature-valid", () => validateSignature(input.body, input.secret, input.signature) ? undefined : "the fake's signature did not validate");
await step("signature-other-secret", () => validateSignature(input.body, "another-secret", input.signature) ? "validated with another secret" : undefined);
await step("signature-tampered", () => validateSignature(input.body + " ", input.secret, input.signature) ? "validated a changed body" : undefined);

await step("reply", async () => {
  const answer = await client.replyMessage({ replyToken: input.replyToken, messages: [text("Hello from the SDK")] });
  return answer.sentMessages?.length === 1 ? undefined : `sentMessages ${JSON.stringify(answer)}`;
});
await step("reply-token-single-use", () => refused(
  () => client.replyMessage({ replyToken: input.replyToken, messages: [text("again")] }), 400,
  (e) => JSON.parse(e.body).message === "Invalid reply token" ? undefined : `body ${e.body}`));
await step("reply-six-messages", () => refused(
  () => client.replyMessage({ replyToken: input.secondReplyToken, messages: Array.from({ length: 6 }, (_, i) => text(`m${i}`)) }), 400,
  (e) => Array.isArray(JSON.parse(e.body).details) ? undefined : `no details in ${e.body}`));

await step("push-with-retry-key", async () => {
  const answer = await client.pushMessage({ to: input.user, messages: [text("Pushed once")] }, input.retryKey);
  return answer.sentMessages?.length === 1 ? undefined : `sentMessages ${JSON.stringify(answer)}`;
});
await step("push-same-retry-key-409", () => refused(
  () => client.pushMessage({ to: input.user, messages: [text("Pushed once")] }, input.retryKey), 409,
  (e) => e.headers.get("x-line-accepted-request-id") ? undefined : "no x-line-accepted-request-id"));
await step("push-quick-reply-14-items", () => refused(
  () => client.pushMessage({
    to: input.user,
    messages: [{ ...text("pick"), quickReply: { items: Array.from({ length: 14 }, (_, i) => ({ type: "action", action: { type: "postback", label: `o${i}`, data: `d${i}` } })) } }],
  }), 400));
await step("push-text-over-5000", () => refused(() => client.pushMessage({ to: input.user, messages: [text("x".repeat(5001))] }), 400));
await step("push-bad-token-401", () => refused(() => intruder.pushMessage({ to: input.user, messages: [text("x")] }), 401));

await step("loading", async () => { await client.showLoadingAnimation({ chatId: input.user, loadingSeconds: 10 }); });
await step("loading-seconds-not-a-multiple-of-5", () => refused(() => client.showLoadingAnimation({ chatId: input.user, loadingSeconds: 7 }), 400));
await step("mark-as-read", async () => { await client.markMessagesAsReadByToken({ markAsReadToken: input.markAsReadToken }); });
await step("bot-info", async () => {
  const bot = await client.getBotInfo();
  return bot.userId === input.botUserId && bot.basicId ? undefined : `bot ${JSON.stringify(bot)}`;
});
await step("content-from-the-data-host", async () => {
  const chunks = [];
  for await (const chunk of await blob.getMessageContent(input.messageId)) chunks.push(chunk);
  const got = Buffer.concat(chunks).toString("base64");
  return got === input.content ? undefined : `content ${got}`;
});

process.exit(failures);
