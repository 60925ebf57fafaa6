// Design-time host for `dotnet ef`; it does nothing when run.
Console.WriteLine("Portal.Migrations.Design is a design-time startup project for `dotnet ef`; see README.md.");
