"""The HTTP side: GraphQL schema, resolvers, the ASGI app and the command line."""
