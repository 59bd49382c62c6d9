using Finiex.Orchestration.Results;
using Finiex.Server.Api;
using Finiex.Server.Dashboard;
using Finiex.Server.Live;
using Finiex.Server.Runs;
using Finiex.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Finiex.Server;

/// <summary>
/// <c>finiex serve</c>: an ASP.NET Core server of batch runs: the REST API (docs/server.md; OpenAPI at
/// <c>/openapi/v1.json</c>), live WebSockets at <c>/ws</c>, and the dashboard at <c>/</c>. JSON in snake_case like the
/// results files; errors as <c>{"error", "details"}</c>. Loopback unless a token is given; with one, every call needs it.
/// </summary>
public static class ServerApp
{
    /// <exception cref="ArgumentException">An address beyond loopback without a token.</exception>
    public static WebApplication Build(ServerSettings settings, IEnumerable<string> urls)
    {
        var addresses = urls.ToList();
        ListenAddresses.Check(addresses, settings.Token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls([.. addresses]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBytes);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = ResultsJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = ResultsJson.Options.DefaultIgnoreCondition;
            foreach (var converter in ResultsJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<RunManager>();
        builder.Services.AddHostedService<RetentionService>();
        var app = builder.Build();
        _ = app.Services.GetRequiredService<RunManager>(); // opens the registry now: runs a stopped server left going are marked failed at start
        app.UseExceptionHandler(errors => errors.Run(context =>
            ApiError.Write(context, context.Response.StatusCode is >= 400 and < 500 ? context.Response.StatusCode : StatusCodes.Status500InternalServerError,
                "the server could not answer this request; its console has the details")));
        app.UseStatusCodePages(context => context.HttpContext.Response.HasStarted ? Task.CompletedTask
            : ApiError.Write(context.HttpContext, context.HttpContext.Response.StatusCode, context.HttpContext.Response.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => $"the request is larger than {settings.MaxRequestBytes:N0} bytes",
                StatusCodes.Status404NotFound => "no such endpoint (GET /openapi/v1.json lists them)",
                StatusCodes.Status405MethodNotAllowed => "this endpoint does not take that method (GET /openapi/v1.json lists them)",
                var code => $"HTTP {code}",
            }));
        if (settings.Token is { Length: > 0 } token)
        {
            AccessToken.Require(app, token);
        }

        app.UseWebSockets();
        app.MapOpenApi();
        app.Map("/ws", (HttpContext context, RunManager runs) => LiveStreams.ServeAsync(context, runs)).ExcludeFromDescription();
        RunEndpoints.Map(app);
        ScenarioEndpoints.Map(app);
        LogEndpoints.Map(app);
        MetricsEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        return app;
    }
}
