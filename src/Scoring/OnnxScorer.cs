using OrleansBatch.Scoring.Files;
using OrleansBatch.Scoring.Models;
using Microsoft.ML.OnnxRuntime;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring;

/// <summary>
/// Scores with one model or pipeline: tabular slices through <see cref="TabularSliceScorer"/>, whole files
/// through <see cref="FileSliceScorer"/>. Thread-safe; its sessions are shared by all callers. Once evicted
/// from the cache it is disposed when its last running slice ends.
/// </summary>
internal sealed class OnnxScorer : IFileBatchScorer, ICachedScorer
{
    private readonly ScorerSpec _spec;
    private readonly OnnxPipeline _pipeline;
    private readonly TabularSliceScorer _tabular;
    private readonly ParquetSliceScorer _parquet;
    private readonly FileSliceScorer _files;
    private readonly Lock _gate = new();
    private int _active;
    private bool _retired;
    private bool _disposed;

    /// <exception cref="ModelLoadException">A model cannot be loaded, or the trial run that finds the output columns fails.</exception>
    /// <exception cref="ResourceLimitExceededException">The trial run needed more memory than the cap.</exception>
    public OnnxScorer(OnnxRuntime runtime, ScorerSpec spec, OnnxScoringOptions options, SessionThreading threading)
    {
        _spec = spec;
        try
        {
            _pipeline = new OnnxPipeline(runtime, spec.ModelPaths, threading);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(e.Message, e);
        }

        OutputLayout layout;
        try
        {
            layout = OutputLayout.Probe(_pipeline, _pipeline.Inputs.Select(i => FileSliceScorer.CreateTensor(i, 1)).ToArray());
        }
        catch (ResourceLimitExceededException)
        {
            // A model too big for the memory cap even for one row fails its mini-batches as a limit, not as a broken model.
            _pipeline.Dispose();
            throw;
        }
        catch (Exception e) when (e is OnnxRuntimeException or NotSupportedException)
        {
            _pipeline.Dispose();
            throw new ModelLoadException(
                $"The model loaded, but a trial run on one all-zero row (which finds its output columns) failed: {e.Message}", e);
        }

        var columns = spec.Columns ?? TabularColumns.None;
        OutputColumns = [.. columns.PassthroughColumns, .. layout.Columns];
        _tabular = new TabularSliceScorer(_pipeline, layout, columns, options);
        _parquet = new ParquetSliceScorer(_pipeline, layout, columns, options);
        _files = new FileSliceScorer(_pipeline, layout, options, spec.Image ?? ImageSettings.Default);
    }

    public IReadOnlyList<string> OutputColumns { get; }

    internal OnnxPipeline Pipeline => _pipeline;

    public ScoreResult Score(InputSlice slice, IPredictionSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        Enter();
        try
        {
            var extension = Path.GetExtension(slice.FileName).ToLowerInvariant();
            var json = extension is ".jsonl" or ".json" or ".ndjson";
            var tabular = _spec.InputMode switch
            {
                ScorerInputMode.Tabular => true,
                ScorerInputMode.Files => false,
                _ => json || extension is ".csv" or ParquetSlices.Extension,
            };
            if (tabular && extension == ParquetSlices.Extension)
            {
                return _parquet.Score(slice, sink, cancellationToken);
            }

            return tabular
                ? _tabular.Score(slice, json ? TabularFormat.JsonLines : TabularFormat.Csv, sink, cancellationToken)
                : RefusePassthrough([slice]) ?? _files.Score([slice], sink, cancellationToken);
        }
        finally
        {
            Exit();
        }
    }

    public ScoreResult ScoreFiles(IReadOnlyList<InputSlice> files, IPredictionSink sink, CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            return RefusePassthrough(files) ?? _files.Score(files, sink, cancellationToken);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Passthrough columns have no values in a file input (an image, an array): every file is an item error rather than a row short of columns.</summary>
    private ScoreResult? RefusePassthrough(IReadOnlyList<InputSlice> files) => _spec.Columns is { PassthroughColumns.Count: > 0 }
        ? new ScoreResult(0, files.Count, files.Select(f => new ItemError(f.FileName, null, null, null, ItemErrorCodes.ColumnMismatch,
            "settings.passthrough_columns copies columns of tabular inputs (CSV, JSON lines); this file has no columns. Score it with a job without passthrough_columns.")).ToList())
        : null;

    /// <summary>Marks the scorer evicted: it is disposed now if idle, else when its last slice ends.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
        }

        Exit(enter: false);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _pipeline.Dispose();
    }

    private void Enter()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _active++;
        }
    }

    private void Exit(bool enter = true)
    {
        bool dispose;
        lock (_gate)
        {
            if (enter)
            {
                _active--;
            }

            dispose = _retired && _active == 0 && !_disposed;
        }

        if (dispose)
        {
            Dispose();
        }
    }
}
