"""Typed API calls, one module per noun: each function calls one generated endpoint and returns
the facade's type. Resources (the public surface), defaults and transfers build on these; this
package imports nothing above it."""
