// The netstandard2.0 shims (this folder) are extension members: every file sees them without a using of its own, so the
// runtime's source reads the same on every target. On net8.0 and later the folder compiles to nothing.
#if NETSTANDARD2_0
global using AutoSend.Runtime.Compat;
#endif
