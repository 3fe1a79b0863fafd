import { NotificationKind, NotificationLocale } from '../notification.types';

interface Defaults {
  readonly email: { readonly subject: string; readonly body: string };
  /** Staff alerts are e-mail only. */
  readonly sms?: { readonly body: string };
}

const ITEMS_SV = `{{#items}}
{{quantity}} × {{name}}{{#options}} ({{options}}){{/options}} – {{price}}
{{#note}}
   Kommentar: {{note}}
{{/note}}
{{/items}}
Totalt: {{total}}`;

const ITEMS_EN = `{{#items}}
{{quantity}} × {{name}}{{#options}} ({{options}}){{/options}} – {{price}}
{{#note}}
   Note: {{note}}
{{/note}}
{{/items}}
Total: {{total}}`;

/**
 * The wording every organisation starts with, for every kind, channel and language. Admins
 * override any of them (notification_template); deleting the override brings this back.
 * Bodies are plain text: the e-mail's HTML part is built from them inside a fixed layout.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<NotificationKind, Readonly<Record<NotificationLocale, Defaults>>>> = {
  order_confirmed: {
    sv: {
      email: {
        subject: 'Orderbekräftelse {{orderNumber}} från {{storeName}}',
        body: `Hej {{customerName}}!

Tack för din beställning hos {{storeName}}. Här är din orderbekräftelse.

Order {{orderNumber}}
${ITEMS_SV}

Upphämtning: {{pickupTime}}
{{storeName}}, {{storeAddress}}

Din upphämtningskod: {{pickupCode}}
Visa koden eller QR-koden i kassan när du hämtar.
{{qrCode}}

Följ din beställning: {{statusUrl}}

Välkommen!
{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Tack {{customerName}}! Order {{orderNumber}} är bekräftad. Hämta {{pickupTime}}. Kod: {{pickupCode}}. Följ ordern: {{statusUrl}}' },
    },
    en: {
      email: {
        subject: 'Order confirmation {{orderNumber}} from {{storeName}}',
        body: `Hi {{customerName}},

Thank you for your order at {{storeName}}. Here is your order confirmation.

Order {{orderNumber}}
${ITEMS_EN}

Pickup: {{pickupTime}}
{{storeName}}, {{storeAddress}}

Your pickup code: {{pickupCode}}
Show the code or the QR code at the counter when you collect your order.
{{qrCode}}

Track your order: {{statusUrl}}

See you soon!
{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Thank you {{customerName}}! Order {{orderNumber}} is confirmed. Pick it up {{pickupTime}}. Code: {{pickupCode}}. Track it: {{statusUrl}}' },
    },
  },
  order_reminder: {
    sv: {
      email: {
        subject: 'Snart dags att hämta order {{orderNumber}}',
        body: `Hej {{customerName}}!

En påminnelse: din beställning {{orderNumber}} hos {{storeName}} hämtas {{pickupTime}}.

Adress: {{storeAddress}}
Upphämtningskod: {{pickupCode}}
{{qrCode}}

Följ din beställning: {{statusUrl}}

Välkommen!
{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Påminnelse! Order {{orderNumber}} hämtas {{pickupTime}}. Kod: {{pickupCode}}. {{statusUrl}}' },
    },
    en: {
      email: {
        subject: 'Time to collect order {{orderNumber}} soon',
        body: `Hi {{customerName}},

A reminder: your order {{orderNumber}} at {{storeName}} is for pickup {{pickupTime}}.

Address: {{storeAddress}}
Pickup code: {{pickupCode}}
{{qrCode}}

Track your order: {{statusUrl}}

See you soon!
{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Reminder! Order {{orderNumber}} is for pickup {{pickupTime}}. Code: {{pickupCode}}. {{statusUrl}}' },
    },
  },
  order_ready: {
    sv: {
      email: {
        subject: 'Din beställning {{orderNumber}} är klar att hämta',
        body: `Hej {{customerName}}!

Nu är din beställning {{orderNumber}} klar. Välkommen till {{storeName}}, {{storeAddress}}.

Visa upphämtningskoden {{pickupCode}} eller QR-koden i kassan.
{{qrCode}}

Följ din beställning: {{statusUrl}}

{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Din order {{orderNumber}} är klar att hämta! Kod: {{pickupCode}}.' },
    },
    en: {
      email: {
        subject: 'Your order {{orderNumber}} is ready for pickup',
        body: `Hi {{customerName}},

Your order {{orderNumber}} is ready. Come by {{storeName}}, {{storeAddress}}.

Show the pickup code {{pickupCode}} or the QR code at the counter.
{{qrCode}}

Track your order: {{statusUrl}}

{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Your order {{orderNumber}} is ready for pickup! Code: {{pickupCode}}.' },
    },
  },
  order_delayed: {
    sv: {
      email: {
        subject: 'Din beställning {{orderNumber}} blir försenad',
        body: `Hej {{customerName}}!

Vi har väldigt mycket att göra just nu, så din beställning {{orderNumber}} blir ungefär {{delayMinutes}} minuter försenad. Förlåt för väntan!

Planerad upphämtning: {{pickupTime}}. Du ser när den är klar här: {{statusUrl}}

{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Vi har mycket att göra just nu, räkna med att order {{orderNumber}} blir ca {{delayMinutes}} min försenad. Förlåt för väntan! {{statusUrl}}' },
    },
    en: {
      email: {
        subject: 'Your order {{orderNumber}} is running late',
        body: `Hi {{customerName}},

We are very busy right now, so your order {{orderNumber}} will be about {{delayMinutes}} minutes late. Sorry for the wait!

Planned pickup: {{pickupTime}}. See when it is ready here: {{statusUrl}}

{{storeName}}`,
      },
      sms: { body: '{{storeName}}: We are very busy right now; expect order {{orderNumber}} about {{delayMinutes}} min late. Sorry for the wait! {{statusUrl}}' },
    },
  },
  order_cancelled: {
    sv: {
      email: {
        subject: 'Din beställning {{orderNumber}} är avbokad',
        body: `Hej {{customerName}}!

Din beställning {{orderNumber}} hos {{storeName}} är avbokad.
{{#reason}}
Orsak: {{reason}}
{{/reason}}

Har du frågor? Kontakta {{storeName}}{{#storePhone}} på {{storePhone}}{{/storePhone}}.

{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Din order {{orderNumber}} är avbokad.{{#reason}} Orsak: {{reason}}.{{/reason}}' },
    },
    en: {
      email: {
        subject: 'Your order {{orderNumber}} is cancelled',
        body: `Hi {{customerName}},

Your order {{orderNumber}} at {{storeName}} is cancelled.
{{#reason}}
Reason: {{reason}}
{{/reason}}

Questions? Contact {{storeName}}{{#storePhone}} at {{storePhone}}{{/storePhone}}.

{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Your order {{orderNumber}} is cancelled.{{#reason}} Reason: {{reason}}.{{/reason}}' },
    },
  },
  order_expired: {
    sv: {
      email: {
        subject: 'Din beställning {{orderNumber}} blev inte betald',
        body: `Hej {{customerName}}!

Betalningen för beställning {{orderNumber}} hos {{storeName}} blev inte klar i tid, så beställningen är avbruten. Inga pengar har dragits.

Välkommen att beställa igen!
{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Order {{orderNumber}} avbröts eftersom betalningen inte blev klar i tid. Inga pengar har dragits.' },
    },
    en: {
      email: {
        subject: 'Your order {{orderNumber}} was not paid',
        body: `Hi {{customerName}},

The payment for order {{orderNumber}} at {{storeName}} was not completed in time, so the order was called off. You have not been charged.

You are welcome to order again!
{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Order {{orderNumber}} was called off because the payment was not completed in time. You have not been charged.' },
    },
  },
  order_refunded: {
    sv: {
      email: {
        subject: 'Din beställning {{orderNumber}} är avbokad och återbetald',
        body: `Hej {{customerName}}!

Din beställning {{orderNumber}} hos {{storeName}} är avbokad.
{{#reason}}
Orsak: {{reason}}
{{/reason}}

Vi betalar tillbaka {{refundAmount}} till det betalsätt du använde. Det kan ta några bankdagar innan pengarna syns.

{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Order {{orderNumber}} är avbokad och vi betalar tillbaka {{refundAmount}}.{{#reason}} Orsak: {{reason}}.{{/reason}}' },
    },
    en: {
      email: {
        subject: 'Your order {{orderNumber}} is cancelled and refunded',
        body: `Hi {{customerName}},

Your order {{orderNumber}} at {{storeName}} is cancelled.
{{#reason}}
Reason: {{reason}}
{{/reason}}

We are refunding {{refundAmount}} to the payment method you used. It may take a few banking days to show.

{{storeName}}`,
      },
      sms: { body: '{{storeName}}: Order {{orderNumber}} is cancelled and {{refundAmount}} is being refunded.{{#reason}} Reason: {{reason}}.{{/reason}}' },
    },
  },
  staff_alert: {
    sv: {
      email: {
        subject: '[{{storeName}}] {{alertTitle}}',
        body: `{{alertTitle}}

{{alertText}}

Butik: {{storeName}}, {{storeAddress}}
Administrationen: {{adminUrl}}

Det här är ett automatiskt meddelande från Kassa.`,
      },
    },
    en: {
      email: {
        subject: '[{{storeName}}] {{alertTitle}}',
        body: `{{alertTitle}}

{{alertText}}

Store: {{storeName}}, {{storeAddress}}
Admin console: {{adminUrl}}

This is an automatic message from Kassa.`,
      },
    },
  },
};
