namespace Finiex.Server.Runs;

/// <summary>What <c>DELETE /runs/{id}</c> did: 204, 404, or 409 (a run still going is canceled first).</summary>
public enum RunDeletion
{
    Deleted,
    NotFound,
    StillGoing,
}
