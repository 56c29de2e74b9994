/**
 * INTERACTION_CREATE payloads as Discord sends them, and a driver that
 * dispatches one to the bot and collects what the bot sent back.
 */
import { APP_ID, CHANNEL_ID, type FakeDiscord, GUILD_ID, type RecordedRequest } from './fake-discord.ts';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads are free-form JSON in tests
type Json = any;

/** Discord permission bits (as strings, the way the API sends them). */
export const PERMISSIONS = {
  member: (1n << 10n) | (1n << 11n) | (1n << 16n), // view channel, send messages, read history
  manageServer: (1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 5n),
};

export interface Person {
  id: string;
  username: string;
  permissions?: bigint;
}

export const ALICE: Person = { id: '400000000000000001', username: 'alice' };
export const BOB: Person = { id: '400000000000000002', username: 'bob' };
export const MODERATOR: Person = {
  id: '400000000000000003',
  username: 'mod',
  permissions: PERMISSIONS.manageServer,
};

/** An attachment option's value: the file as Discord describes it (the bot fetches `url`). */
export interface AttachmentValue {
  filename: string;
  url: string;
  size: number;
  content_type?: string;
}

type OptionValue = string | boolean | number | AttachmentValue;

/**
 * Option payloads; an attachment is sent as Discord does, as an id whose
 * file is in `resolved.attachments` (filled in here).
 */
function optionsOf(
  values: Record<string, OptionValue | undefined>,
  focused?: string,
  attachments: Record<string, Json> = {},
  nextId: () => string = () => String(Object.keys(attachments).length + 1),
): Json[] {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      if (typeof value === 'object') {
        const id = nextId();
        attachments[id] = { id, proxy_url: value.url, ...value };
        return { name, type: 11, value: id };
      }
      return {
        name,
        type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? 10 : 3,
        value,
        ...(name === focused ? { focused: true } : {}),
      };
    });
}

/** `corpus add-url` → the command `corpus` with the subcommand `add-url` holding the options. */
function commandData(
  fake: FakeDiscord,
  name: string,
  values: Record<string, OptionValue | undefined>,
  focused?: string,
): Json {
  const [command, subcommand] = name.split(' ');
  const attachments: Record<string, Json> = {};
  const options = optionsOf(values, focused, attachments, () => fake.snowflake());
  return {
    id: fake.snowflake(),
    name: command,
    type: 1,
    options: subcommand ? [{ name: subcommand, type: 1, options }] : options,
    ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}),
  };
}

function base(fake: FakeDiscord, type: number, person: Person): Json {
  const user = {
    id: person.id,
    username: person.username,
    discriminator: '0',
    global_name: null,
    avatar: null,
  };
  return {
    id: fake.snowflake(),
    application_id: APP_ID,
    type,
    token: `interaction-token-${fake.snowflake()}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general', flags: 0, permissions: '0' },
    member: {
      user,
      roles: [],
      permissions: String(person.permissions ?? PERMISSIONS.member),
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
      communication_disabled_until: null,
    },
    app_permissions: String(PERMISSIONS.member),
    locale: 'en-US',
    guild_locale: 'en-US',
    // discord.js 14.28 reads both of these unconditionally.
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

/** A slash command; `name` may name a subcommand too (`corpus info`). */
export function slashCommand(
  fake: FakeDiscord,
  name: string,
  options: Record<string, OptionValue | undefined> = {},
  person: Person = ALICE,
): Json {
  return { ...base(fake, 2, person), data: commandData(fake, name, options) };
}

/** The same command sent in a direct message with the bot: a user, no member, no server. */
export function directMessage(
  fake: FakeDiscord,
  name: string,
  options: Record<string, OptionValue | undefined> = {},
  person: Person = ALICE,
): Json {
  const {
    guild_id: _guild,
    member,
    channel_id: _channel,
    guild_locale: _locale,
    ...rest
  } = slashCommand(fake, name, options, person);
  const dm = { id: '300000000000000009', type: 1, flags: 0, recipients: [member.user] };
  return {
    ...rest,
    user: member.user,
    channel: dm,
    channel_id: dm.id,
    context: 1,
    authorizing_integration_owners: { '0': '0' },
  };
}

export function autocomplete(
  fake: FakeDiscord,
  name: string,
  focused: string,
  options: Record<string, OptionValue | undefined>,
  person: Person = ALICE,
): Json {
  return { ...base(fake, 4, person), data: commandData(fake, name, options, focused) };
}

export function buttonPress(
  fake: FakeDiscord,
  customId: string,
  message: Json,
  person: Person = ALICE,
): Json {
  return { ...base(fake, 3, person), data: { custom_id: customId, component_type: 2 }, message };
}

/** What the bot sent in answer to one interaction. */
export interface Outcome {
  /** The interaction callback body ({ type, data }). */
  callback: Json;
  /** The message as users see it: the reply, the edit after a deferral, or the updated message. */
  message: Json;
  ephemeral: boolean;
  deferred: boolean;
  /** The message object the fake stored (usable as `message` of a later button press). */
  stored: Json;
  /** Every body the bot sent for this interaction (callback data, edits, follow-ups). */
  bodies: Json[];
}

const EPHEMERAL = 1 << 6;

function forToken(token: string) {
  return (r: RecordedRequest) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`);
}

/**
 * Dispatches an interaction and waits for the bot's visible answer to it.
 * `deliver` sends it some other way (signed over HTTP: see `signed-interactions.ts`).
 */
export async function interact(
  fake: FakeDiscord,
  payload: Json,
  deliver: (payload: Json) => unknown = (p) => fake.dispatch('INTERACTION_CREATE', p),
): Promise<Outcome> {
  await deliver(payload);
  const mine = forToken(payload.token);
  const callback = (await fake.waitForRequest((r) => mine(r) && r.path.endsWith('/callback'))).body as Json;
  const deferred = callback.type === 5;
  const edit = deferred
    ? ((await fake.waitForRequest((r) => mine(r) && r.method === 'PATCH')).body as Json)
    : undefined;
  const message = edit ?? callback.data ?? {};
  const flags = (deferred ? callback.data?.flags : message.flags) ?? 0;
  const bodies = fake.requests
    .filter((r) => mine(r) && r.method !== 'GET')
    .map((r) => (r.path.endsWith('/callback') ? (r.body as Json).data : r.body))
    .filter(Boolean);
  return {
    callback,
    message,
    ephemeral: (flags & EPHEMERAL) !== 0,
    deferred,
    stored: fake.originalMessage(payload.token),
    bodies,
  };
}

/** Every string a message shows (content, embed texts, button labels), for searching. */
export function textOf(message: Json): string {
  const embeds = (message.embeds ?? []).map((e: Json) =>
    [
      e.title,
      e.description,
      e.footer?.text,
      ...(e.fields ?? []).flatMap((f: Json) => [f.name, f.value]),
    ].join('\n'),
  );
  return [message.content ?? '', ...embeds].join('\n');
}

/** What Discord displays for a piece of markdown: escapes resolved, bold and underline markers gone. */
export function displayed(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    const next = markdown[i + 1] ?? '';
    if (c === '\\' && /[^0-9A-Za-z\s]/.test(next)) {
      out += next;
      i++;
    } else if ((c === '*' && next === '*') || (c === '_' && next === '_')) i++;
    else out += c;
  }
  return out;
}

export function buttons(message: Json): Json[] {
  return (message.components ?? []).flatMap((row: Json) => row.components ?? []);
}
