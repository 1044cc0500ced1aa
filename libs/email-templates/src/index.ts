// Every email the product sends, as typed functions of the facts they tell, free of Nest and of the
// worker: the notification worker renders them to send, and the web to preview what a decision sends.
export {
  type RenderedEmail,
  render,
  type SignedLinks,
  TEMPLATES,
  type TemplateName,
  type TemplateParams,
} from './emails.js';
export { html } from './markup.js';
