## Results on the owner's side: survey results, comments feed, periods, metric explanations.
