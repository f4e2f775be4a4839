"""Scripts -> facts: names and identity (``names``, ``resolve``), what each scene holds
(``facts``), presence, places and annotations (``extract``, ``annotations``), tells, inferred
facts (``infer``) and canon events from every source (``events``)."""
