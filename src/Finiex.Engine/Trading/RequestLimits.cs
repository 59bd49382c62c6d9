namespace Finiex.Engine.Trading;

/// <summary>The broker's limits a request is checked against: the volume grid, the point and the stops level (in points).</summary>
public readonly record struct RequestLimits(double VolumeMin, double VolumeMax, double VolumeStep, double Point, int StopsLevel);
