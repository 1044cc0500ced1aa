import { PageObject } from './page-object.js';

export class AlertsPage extends PageObject {
  protected readonly heading = 'Your email alerts';

  alertTitles(): Promise<string[]> {
    return this.page.locator('.govuk-summary-card__title').allTextContents().then((titles) => titles.map((title) => title.trim()));
  }
}

export class NewAlertPage extends PageObject {
  protected readonly heading = 'Set up an email alert';
}

export class CancelAlertPage extends PageObject {
  protected readonly heading = 'Are you sure you want to cancel this alert?';
}

export class EmailChoicesPage extends PageObject {
  protected readonly heading = 'Which emails do you want?';
}

export class SubscribePage extends PageObject {
  protected readonly heading = 'Get email about new opportunities';
}

export class CheckYourEmailPage extends PageObject {
  protected readonly heading = 'Check your email';
}

export class ConfirmAlertPage extends PageObject {
  protected readonly heading = 'Confirm your email alert';
}

export class AlertConfirmedPage extends PageObject {
  protected readonly heading = 'Email alert confirmed';
}

export class UnsubscribePage extends PageObject {
  protected readonly heading = 'Unsubscribe';
}

export class UnsubscribedPage extends PageObject {
  protected readonly heading = 'You have unsubscribed';
}

export class LinkExpiredPage extends PageObject {
  protected readonly heading = 'This link does not work';
}

export class ChoosePasswordPage extends PageObject {
  protected readonly heading = 'Choose a password';
}
