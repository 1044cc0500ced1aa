import { PageObject } from './page-object.js';

export class ResetPasswordPage extends PageObject {
  protected readonly heading = 'Reset your password';

  async ask(email: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByRole('button', { name: 'Send me a link' }).click();
  }
}

export class ResetLinkSentPage extends PageObject {
  protected readonly heading = 'Check your email';

  /** What the page says, with the address it was given taken out. */
  async textWithout(email: string): Promise<string> {
    return (await this.page.locator('main').innerText()).replaceAll(email, '<address>');
  }
}

export class ChooseNewPasswordPage extends PageObject {
  protected readonly heading = 'Choose a new password';

  async choose(password: string, confirmation = password): Promise<void> {
    await this.page.getByLabel('New password', { exact: true }).fill(password);
    await this.page.getByLabel('Confirm your new password').fill(confirmation);
    await this.page.getByRole('button', { name: 'Change password' }).click();
  }
}

export class PasswordChangedPage extends PageObject {
  protected readonly heading = 'Your password has been changed';
}

export class ResetLinkExpiredPage extends PageObject {
  protected readonly heading = 'This password reset link has expired';
}
