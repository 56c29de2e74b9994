/**
 * Discord's documented message limits, restated independently of the
 * renderer so tests catch a wrong constant there too.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
// biome-ignore lint/suspicious/noExplicitAny: message payloads are free-form JSON in tests
type Json = any;

/** Every way `message` breaks a limit (empty when it fits). */
export function limitViolations(message: Json): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check((message.content ?? '').length <= 2000, 'content > 2000');
  const embeds: Json[] = message.embeds ?? [];
  check(embeds.length <= 10, 'more than 10 embeds');
  let total = 0;
  for (const e of embeds) {
    check((e.title ?? '').length <= 256, 'embed title > 256');
    check((e.description ?? '').length <= 4096, 'embed description > 4096');
    check((e.footer?.text ?? '').length <= 2048, 'embed footer > 2048');
    check((e.author?.name ?? '').length <= 256, 'embed author > 256');
    const fields: Json[] = e.fields ?? [];
    check(fields.length <= 25, 'more than 25 fields');
    for (const f of fields) {
      check(f.name.length <= 256, 'field name > 256');
      check(f.value.length <= 1024, 'field value > 1024');
      total += f.name.length + f.value.length;
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
    total += (e.author?.name ?? '').length;
  }
  check(total <= 6000, 'embeds total > 6000');
  const rows: Json[] = message.components ?? [];
  check(rows.length <= 5, 'more than 5 action rows');
  const ids = new Set<string>();
  for (const row of rows) {
    check(row.components.length <= 5, 'more than 5 buttons in a row');
    for (const c of row.components) {
      check(c.custom_id.length >= 1 && c.custom_id.length <= 100, 'custom_id not 1–100 characters');
      check(c.label.length <= 80, 'button label > 80');
      check(!ids.has(c.custom_id), `duplicate custom_id ${c.custom_id}`);
      ids.add(c.custom_id);
    }
  }
  return problems;
}

export function choiceViolations(choices: Json[]): string[] {
  const problems: string[] = [];
  if (choices.length > 25) problems.push('more than 25 choices');
  for (const c of choices) {
    if (c.name.length < 1 || c.name.length > 100) problems.push('choice name not 1–100 characters');
    if (String(c.value).length < 1 || String(c.value).length > 100)
      problems.push('choice value not 1–100 characters');
  }
  return problems;
}
