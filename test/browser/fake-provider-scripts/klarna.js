/* global window, document */
// A stand-in for Klarna's JavaScript library (Klarna Payments) in the storefront's browser test:
// init, load into a container and authorize, with the authorization made by the test's local
// provider sandbox for the session the client token opened.
(() => {
  const sandbox = new URL(document.currentScript.src).origin;
  let clientToken = null;
  window.Klarna = {
    Payments: {
      init(options) {
        clientToken = options.client_token;
      },
      load(options, _data, callback) {
        const container = document.querySelector(options.container);
        const note = document.createElement('p');
        note.textContent = 'Klarna (fake library): pay later';
        container.append(note);
        callback({ show_form: Boolean(clientToken) });
      },
      authorize(_options, _data, callback) {
        fetch(`${sandbox}/klarna/authorize`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ clientToken }) })
          .then((response) => response.json())
          .then((answer) => callback({ approved: Boolean(answer.authorization_token), show_form: true, authorization_token: answer.authorization_token }))
          .catch(() => callback({ approved: false, show_form: true }));
      },
    },
  };
})();
