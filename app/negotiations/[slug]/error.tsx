"use client";

export default function MatrixError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert">
      <h1>The matrix could not be loaded</h1>
      <p>Something went wrong on our side while reading the data. Nothing you typed caused it.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
