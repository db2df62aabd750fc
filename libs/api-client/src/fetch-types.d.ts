// The generated client names the DOM's BodyInit; Node's fetch (undici) has the same type.
// Declared here so the client compiles under the API's Node-only `lib` as well as in a browser.
type BodyInit = import('undici-types').BodyInit;
