/**
 * Discord's size limits, in one place. Nothing outside `src/render/discord*`
 * imports this: the renderer guarantees that every payload it returns fits.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  /** Sum of every title, description, field, footer and author text in a message. */
  embedTotal: 6000,
  embeds: 10,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
