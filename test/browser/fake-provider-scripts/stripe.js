/* global window, document */
// A stand-in for Stripe.js in the storefront's browser test: the same calls the storefront makes
// (Stripe(), elements(), create('payment').mount(), confirmPayment()), a plain input instead of
// Stripe's card frame, and confirmation through the test's local provider sandbox.
(() => {
  const sandbox = new URL(document.currentScript.src).origin;
  window.Stripe = (publishableKey) => {
    if (!/^pk_/.test(publishableKey)) throw new Error('Invalid publishable key');
    return {
      elements({ clientSecret }) {
        const state = { clientSecret, input: null };
        return {
          state,
          create(type) {
            if (type !== 'payment') throw new Error(`fake Stripe.js has no ${type} element`);
            return {
              mount(target) {
                const element = typeof target === 'string' ? document.querySelector(target) : target;
                const label = document.createElement('label');
                label.textContent = 'Card number (fake Stripe.js)';
                const input = document.createElement('input');
                input.name = 'fake-stripe-card-number';
                input.inputMode = 'numeric';
                label.append(input);
                element.append(label);
                state.input = input;
              },
            };
          },
        };
      },
      async confirmPayment({ elements }) {
        const number = (elements.state.input?.value ?? '').replace(/\s/g, '');
        if (!/^\d{16}$/.test(number)) return { error: { type: 'validation_error', message: 'Your card number is incomplete.' } };
        const response = await fetch(`${sandbox}/stripe/confirm`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ clientSecret: elements.state.clientSecret, number }),
        });
        const answer = await response.json();
        return answer.error ? { error: answer.error } : { paymentIntent: answer.paymentIntent };
      },
    };
  };
})();
