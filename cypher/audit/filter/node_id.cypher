// Filter: changed the node $nodeId.
$nodeId IN a.nodeIds
