// Starts GraphiQL with the setup the server put in the page (#graphiql-setup): the query in the editor,
// the request headers. Headers are not kept in the browser's storage, so a key never outlives the tab.
"use strict";

(function start() {
  const setup = JSON.parse(document.getElementById("graphiql-setup").textContent);
  const fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", location.href).toString() });
  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    query: setup.query,
    headers: setup.headers || undefined,
    defaultEditorToolsVisibility: setup.showHeaders ? "headers" : false,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    inputValueDeprecation: true,
  }));
})();
