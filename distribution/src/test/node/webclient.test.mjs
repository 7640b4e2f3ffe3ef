// The unmodified ElizaOS web client, driven in Debian's Chromium by playwright-core, against the real platform: the
// agent list, a chat answered by the agent, the conversation still there after reloading the deep link, the logs
// page. Run by WebClientIT: BASE_URL=http://127.0.0.1:PORT SCREENSHOTS=<dir> [CHROMIUM=/usr/bin/chromium]
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
import { ElizaClient } from '@elizaos/api-client';

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SCREENSHOTS;
const client = ElizaClient.create({ baseUrl: BASE });
const name = `Browser ${randomUUID().slice(0, 8)}`;
let agentId;
let browser;
let page;

async function shot(file) {
  await page.screenshot({ path: `${SHOTS}/${file}`, fullPage: true });
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const created = await client.agents.createAgent({ characterJson: { name, bio: ['Answers browser tests.'] } });
  agentId = created.id;
  await client.agents.startAgent(agentId);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // no sandbox as root; no background traffic to Google's hosts on a closed network
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

after(async () => {
  await browser?.close();
});

test('the home page lists the agent', async () => {
  await page.goto(`${BASE}/`);
  await page.getByText(name).first().waitFor({ timeout: 30000 });
  await shot('1-home.png');
  const skip = page.getByRole('button', { name: 'Skip' });
  if (await skip.isVisible()) await skip.click();
});

test('a chat with the agent is answered, and survives a reload of its deep link', async () => {
  await page.goto(`${BASE}/chat/${agentId}`);
  await page.waitForURL(new RegExp(`/chat/${agentId}/[0-9a-f-]{36}$`), { timeout: 30000 });
  const channelId = page.url().split('/').pop();
  await page.getByText('Connected', { exact: true }).waitFor({ timeout: 30000 });
  const question = `I feel happy today ${randomUUID().slice(0, 4)}`;
  await page.locator('textarea').fill(question);
  await page.locator('textarea').press('Enter');
  await page.getByText(question).waitFor({ timeout: 30000 });

  let reply;
  for (let i = 0; i < 300 && !reply; i++) {
    const found = await client.messaging.getChannelMessages(channelId, { limit: 10 });
    reply = (found.messages ?? found).find((m) => (m.authorId ?? m.senderId) === agentId)?.content;
    if (!reply) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(reply, 'the agent answered in the channel');
  await page.getByText(reply.trim().slice(0, 40)).first().waitFor({ timeout: 30000 });
  await shot('2-chat.png');

  await page.reload();
  await page.getByText(question).waitFor({ timeout: 30000 });
  await page.getByText(reply.trim().slice(0, 40)).first().waitFor({ timeout: 30000 });
  assert.ok(page.url().endsWith(`/chat/${agentId}/${channelId}`));
  await shot('3-after-reload.png');
});

test('the logs page opens', async () => {
  await page.goto(`${BASE}/logs`);
  await page.getByRole('heading', { name: 'System Logs' }).waitFor({ timeout: 30000 });
  await shot('4-logs.png');
});
